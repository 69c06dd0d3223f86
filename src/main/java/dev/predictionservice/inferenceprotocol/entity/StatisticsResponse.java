package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2/models[/{name}[/versions/{version}]]/stats}: Triton's statistics extension. */
@Schema(name = "model_statistics_response", description = "Per-version statistics (statistics extension).")
public record StatisticsResponse(
    @JsonProperty("model_stats") @Schema(name = "model_stats") List<ModelStatistics> modelStats) {

  public StatisticsResponse {
    modelStats = List.copyOf(modelStats);
  }
}
