package dev.predictionservice.inferenceprotocol.control;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.ShutdownState;
import dev.predictionservice.inferenceprotocol.entity.MetadataTensor;
import dev.predictionservice.inferenceprotocol.entity.ModelMetadataResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which models the Open Inference Protocol serves: one name ({@code inference.model.name}), in every version the
 * registry has loaded; a path without a version means the active one. {@link #find} is the one place that decides it.
 */
@ApplicationScoped
public class InferenceModels {

  static final String PLATFORM = "deeplearning4j";
  static final String OUTPUT = "prediction";
  private static final List<Long> ROWS = List.of(-1L);

  @Inject
  @ConfigProperty(name = "inference.model.name", defaultValue = "prediction-model")
  String modelName;

  @Inject ModelRegistry registry;
  @Inject ShutdownState shutdown;

  public String modelName() {
    return modelName;
  }

  /**
   * The model a {@code /v2} path names.
   *
   * @param version the version in the path, or null for the server's choice (the active one)
   * @throws InferenceRequestException (404) for another name, or a version that is not loaded
   */
  public ModelBundle find(String name, String version) {
    ModelBundle active = registry.active();
    if (!modelName.equals(name) || active == null) {
      throw InferenceRequestException.unknownModel("model '" + name + "' not found; this server serves '"
          + modelName + "'");
    }
    if (version == null) {
      return active;
    }
    return registry.loaded(version)
        .orElseThrow(() -> versionNotLoaded(name, version, registry.loadedVersions()));
  }

  static InferenceRequestException versionNotLoaded(String name, String version, Collection<String> loaded) {
    return InferenceRequestException.unknownModel("version '" + version + "' of model '" + name
        + "' is not loaded; loaded versions: " + String.join(", ", loaded));
  }

  /** Ready to infer: the version is still loaded and the server is not draining for shutdown. */
  public boolean ready(ModelBundle model) {
    return model != null && registry.loaded(model.version()).orElse(null) == model && !shutdown.isDraining();
  }

  /** Whether the server can serve inference at all (the same rule as /health/ready's model check). */
  public boolean serverReady() {
    return ready(registry.active());
  }

  /**
   * The metadata of one version; {@code versions} lists every loaded version when the path named none.
   *
   * @param allVersions whether the path named no version
   */
  public ModelMetadataResponse metadata(ModelBundle model, boolean allVersions) {
    List<MetadataTensor> inputs = List.of(
        new MetadataTensor(TensorConverter.AGE, "INT64", ROWS),
        new MetadataTensor(TensorConverter.INCOME, "FP64", ROWS),
        new MetadataTensor(TensorConverter.CATEGORY, "BYTES", ROWS));
    List<String> versions = allVersions ? List.copyOf(registry.loadedVersions()) : List.of(model.version());
    return new ModelMetadataResponse(modelName, versions, PLATFORM, inputs,
        List.of(new MetadataTensor(OUTPUT, "FP32", ROWS)), Map.of("engine", model.engineKind()));
  }
}
