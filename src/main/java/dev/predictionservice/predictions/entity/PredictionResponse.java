package dev.predictionservice.predictions.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The probability of the positive class and the model version that computed it. */
@Schema(description = "A prediction.", example = "{\"prediction\":0.8512,\"model_version\":\"m-3f9a1c2b7d4e\"}")
public record PredictionResponse(
    @Schema(description = "Probability of the positive class, in [0, 1].") double prediction,
    @Schema(name = "model_version", description = "Version of the model that computed this prediction.")
        @JsonProperty("model_version")
        String modelVersion) {}
