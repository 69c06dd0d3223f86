package dev.predictionservice.predictions.control;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.ShutdownState;
import dev.predictionservice.predictions.entity.MetadataTensor;
import dev.predictionservice.predictions.entity.ModelMetadataResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which models the Open Inference Protocol serves: one name ({@code inference.model.name}) and the active version.
 * {@link #find} is the one place that decides it, so that a registry holding several loaded versions only changes it.
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
   * @throws InferenceRequestException (404) for another name, or a version that is not the active one
   */
  public ModelBundle find(String name, String version) {
    ModelBundle active = registry.active();
    if (!modelName.equals(name) || active == null) {
      throw InferenceRequestException.unknownModel("model '" + name + "' not found; this server serves '"
          + modelName + "'");
    }
    if (version != null && !version.equals(active.version())) {
      throw InferenceRequestException.unknownModel("version '" + version + "' of model '" + name
          + "' is not available; the active version is '" + active.version() + "'");
    }
    return active;
  }

  /** Ready to infer: the model is still the active one and the server is not draining for shutdown. */
  public boolean ready(ModelBundle model) {
    return model != null && model == registry.active() && !shutdown.isDraining();
  }

  /** Whether the server can serve inference at all (the same rule as /health/ready's model check). */
  public boolean serverReady() {
    return ready(registry.active());
  }

  public ModelMetadataResponse metadata(ModelBundle model) {
    List<MetadataTensor> inputs = List.of(
        new MetadataTensor(TensorConverter.AGE, "INT64", ROWS),
        new MetadataTensor(TensorConverter.INCOME, "FP64", ROWS),
        new MetadataTensor(TensorConverter.CATEGORY, "BYTES", ROWS));
    return new ModelMetadataResponse(modelName, List.of(model.version()), PLATFORM, inputs,
        List.of(new MetadataTensor(OUTPUT, "FP32", ROWS)), Map.of("engine", model.engineKind()));
  }
}
