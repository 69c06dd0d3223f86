package dev.predictionservice.inferenceprotocol.boundary;

import dev.predictionservice.inferenceprotocol.control.InferenceStatisticsReader;
import dev.predictionservice.inferenceprotocol.entity.StatisticsResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v2/models/stats}, the statistics of every loaded version. Its own class: the literal path must win over
 * {@code /v2/models/{model}} (the per-model statistics are in InferenceProtocolResource, under that path).
 */
@Path("/v2/models/stats")
@ApplicationScoped
@Tag(name = "open-inference-protocol")
@Produces(MediaType.APPLICATION_JSON)
public class ModelStatisticsResource {

  @Inject InferenceStatisticsReader statistics;

  @GET
  @Operation(summary = "Statistics of every loaded model version (statistics extension)")
  @APIResponse(responseCode = "200", description = "Counts and durations per version since the server started",
      content = @Content(schema = @Schema(implementation = StatisticsResponse.class)))
  public StatisticsResponse all() {
    return statistics.all();
  }
}
