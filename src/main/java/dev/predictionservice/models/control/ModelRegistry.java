package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.ModelBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the active model. It loads the bundle named by {@code model.path} (env {@code MODEL_PATH}), or the default
 * bundle packed into the WAR, while the application starts: a missing or corrupt bundle fails the start with a
 * message naming the file, so the server never reports started or ready without a model.
 */
@ApplicationScoped
public class ModelRegistry {

  static final String PACKED_DEFAULT = "/model/default.bundle";
  private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

  private final AtomicReference<ModelBundle> active = new AtomicReference<>();

  @Inject ActiveModelGauge gauge;

  @Inject
  @ConfigProperty(name = "model.path")
  Optional<String> modelPath;

  /** Loads the model as soon as the application starts, not on the first request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    load();
  }

  void load() {
    long start = System.nanoTime();
    ModelBundle bundle = modelPath.filter(p -> !p.isBlank()).map(p -> ModelBundleFiles.read(Path.of(p))).orElseGet(
        ModelRegistry::readPackedDefault);
    active.set(bundle);
    gauge.track(bundle.version(), () -> active().version());
    LOG.info(() -> String.format("Model %s loaded from %s in %d ms", bundle.version(),
        modelPath.filter(p -> !p.isBlank()).orElse("the packed default " + PACKED_DEFAULT),
        (System.nanoTime() - start) / 1_000_000));
  }

  private static ModelBundle readPackedDefault() {
    try (InputStream in = ModelRegistry.class.getResourceAsStream(PACKED_DEFAULT)) {
      if (in == null) {
        throw new ModelBundleFormatException("The packed default model " + PACKED_DEFAULT + " is missing from the WAR");
      }
      return ModelBundleFiles.read(in, "classpath:" + PACKED_DEFAULT);
    } catch (IOException e) {
      throw new ModelBundleFormatException("The packed default model cannot be read: " + e.getMessage(), e);
    }
  }

  /** The active model; never null once the application has started. */
  public ModelBundle active() {
    return active.get();
  }

  /** Whether a model is active (false only while the application is still starting). */
  public boolean hasActiveModel() {
    return active.get() != null;
  }
}
