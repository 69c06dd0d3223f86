package dev.predictionservice.monitoring.boundary;

import dev.predictionservice.models.boundary.AdminAudited;
import dev.predictionservice.monitoring.control.DriftMonitor;
import dev.predictionservice.monitoring.entity.DriftReport;
import dev.predictionservice.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /models/{version}/drift}: part of the model admin API (same group, same audit line), in its own class
 * because drift belongs to monitoring. Its path is more specific than ModelsResource's, so the two never compete.
 */
@Path("/models/{version}/drift")
@ApplicationScoped
@RolesAllowed("model-admin")
@AdminAudited
@Tag(name = "models")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or an invalid bearer token",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the group model-admin",
    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DriftResource {

  @Inject DriftMonitor drift;

  @GET
  @Operation(summary = "Show the drift of a loaded version's live traffic against its training data",
      description = "Per feature (age, income, category) and for the prediction: the population stability index of "
          + "the sliding window of live rows against the training data (null until the window holds "
          + "drift.window.min-rows rows) and each bin's training and live share. available is false, with a "
          + "reason, for a bundle trained before bundles carried drift bins, or when drift.enabled is false.")
  @APIResponse(responseCode = "200", description = "The drift report",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DriftReport.class)))
  @APIResponse(responseCode = "404", description = "The version is not loaded here",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public DriftReport show(@PathParam("version") String version) {
    return drift.report(version);
  }
}
