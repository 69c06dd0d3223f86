package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The statistics of one loaded model version since this server started (Triton's {@code model_stats} entry). */
@Schema(name = "model_stats")
public record ModelStatistics(
    @Schema(example = "prediction-model") String name,
    @Schema(example = "m-67bbd5326a4f") String version,
    @JsonProperty("last_inference") @Schema(name = "last_inference",
        description = "When the last successful request was scored, epoch milliseconds; 0 if never.")
        long lastInference,
    @JsonProperty("inference_count") @Schema(name = "inference_count", description = "Instances (rows) scored.")
        long inferenceCount,
    @JsonProperty("execution_count") @Schema(name = "execution_count",
        description = "Model executions: one per successful request.")
        long executionCount,
    @JsonProperty("inference_stats") @Schema(name = "inference_stats") InferenceStatistics inferenceStats,
    @JsonProperty("batch_stats") @Schema(name = "batch_stats", description = "Not kept: always empty.")
        List<Object> batchStats) {

  public ModelStatistics {
    batchStats = List.copyOf(batchStats);
  }
}
