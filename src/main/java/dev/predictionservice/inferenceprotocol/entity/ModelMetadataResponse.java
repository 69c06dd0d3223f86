package dev.predictionservice.inferenceprotocol.entity;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2/models/{name}[/versions/{version}]}: what the model takes and returns. */
@Schema(name = "metadata_model_response", description = "Model metadata (Open Inference Protocol).")
public record ModelMetadataResponse(
    @Schema(example = "prediction-model", required = true) String name,
    @Schema(description = "Versions that may be requested explicitly.") List<String> versions,
    @Schema(example = "deeplearning4j", required = true) String platform,
    List<MetadataTensor> inputs,
    List<MetadataTensor> outputs,
    @Schema(description = "engine: what scores the model, java (the Java engine) or dl4j (DL4J, the fallback for a "
        + "network the Java engine does not compute).", example = "{\"engine\":\"java\"}")
        Map<String, Object> parameters) {

  public ModelMetadataResponse {
    parameters = parameters == null ? null : Map.copyOf(parameters);
    versions = List.copyOf(versions);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
