package dev.predictionservice.predictions.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Predictions in the order of the request's instances, all computed by one model version. */
@Schema(
    description = "Predictions in the order of the instances.",
    example = "{\"predictions\":[0.8512,0.1377],\"model_version\":\"m-3f9a1c2b7d4e\"}")
public record BatchPredictionResponse(
    @Schema(description = "Probability of the positive class for each instance.") List<Double> predictions,
    @Schema(name = "model_version", description = "Version of the model that computed the predictions.")
        @JsonProperty("model_version")
        String modelVersion) {

  public BatchPredictionResponse {
    predictions = List.copyOf(predictions);
  }
}
