package dev.predictionservice.models.control;

import dev.predictionservice.inference.control.EngineMismatchException;
import dev.predictionservice.inference.control.InferenceEngines;
import dev.predictionservice.models.entity.ModelBundle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Every load of a bundle goes through here (start-up, upload, activation, rollback, a replica following another):
 * read and check the file, then choose and check the engine that will score it. A bundle whose Java engine disagrees
 * with DL4J is refused like a corrupt one (422 to an admin, a failed start at start-up), and nothing changes.
 */
@ApplicationScoped
public class ModelLoader {

  private static final Metadata REFUSED = Metadata.builder().withName("model_load_refused")
      .withDescription("Model bundles refused at load: unreadable, incompatible or failing the engine check").build();

  @Inject InferenceEngines engines;

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  private Counter refused;

  /** Counts refusals in {@code model_load_refused_total}: a replica that cannot follow an activation shows there. */
  @PostConstruct
  void register() {
    refused = registry.counter(REFUSED);
  }

  /** @throws ModelBundleFormatException when the bundle is unreadable, incompatible or fails the engine check */
  public ModelBundle load(byte[] bytes, String name) throws IOException {
    try {
      return check(bytes, name);
    } catch (IOException | ModelBundleFormatException e) {
      refused.inc();
      throw e;
    }
  }

  private ModelBundle check(byte[] bytes, String name) throws IOException {
    ModelBundle bundle = ModelBundleFiles.read(new ByteArrayInputStream(bytes), name);
    try {
      return bundle.withEngine(engines.engineFor(bundle.version(), bundle.network(), bundle.normalizer(),
          CheckRows.of(bundle.metadata())));
    } catch (EngineMismatchException e) {
      throw new ModelBundleFormatException("Model bundle '" + name + "' (version " + bundle.version()
          + ") is refused: " + e.getMessage(), e);
    }
  }
}
