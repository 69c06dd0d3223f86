package dev.predictionservice.predictions.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2/models/{name}[/versions/{version}]}: what the model takes and returns. */
@Schema(name = "metadata_model_response", description = "Model metadata (Open Inference Protocol).")
public record ModelMetadataResponse(
    @Schema(example = "prediction-model", required = true) String name,
    @Schema(description = "Versions that may be requested explicitly.") List<String> versions,
    @Schema(example = "deeplearning4j", required = true) String platform,
    List<MetadataTensor> inputs,
    List<MetadataTensor> outputs) {

  public ModelMetadataResponse {
    versions = List.copyOf(versions);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
