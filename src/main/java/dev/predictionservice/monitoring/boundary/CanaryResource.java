package dev.predictionservice.monitoring.boundary;

import dev.predictionservice.models.boundary.AdminAudited;
import dev.predictionservice.monitoring.control.RolloutAdmin;
import dev.predictionservice.monitoring.entity.CanarySetting;
import dev.predictionservice.platform.BodyValidator;
import dev.predictionservice.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The canary, part of the model admin API (role model-admin, audited): split the requests that name no version
 * between the active version and a candidate, promote the candidate, or abort. Every replica follows within one poll
 * interval.
 */
@Path("/models/canary")
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
public class CanaryResource {

  @Inject RolloutAdmin admin;
  @Inject BodyValidator validator;

  @GET
  @Operation(summary = "Show the canary split")
  @APIResponse(responseCode = "200", description = "The candidate and its weight")
  @APIResponse(responseCode = "404", description = "No canary is set",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public CanarySetting show() throws SQLException {
    return admin.canary();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the canary split",
      description = "Requests without ?version=, X-Model-Version or a /versions/ path go to the candidate when the "
          + "hash of their X-Canary-Key (else their X-Request-ID) falls within the weight: one key, one version.")
  @APIResponse(responseCode = "200", description = "The canary, now set")
  @APIResponse(responseCode = "400", description = "Malformed JSON or an unknown field",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "Unknown version",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The version is the active one, or models.loaded.max are loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "A weight outside 0..1, a missing field, or a bundle that fails "
      + "the check", content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = Problem.class)))
  public CanarySetting set(@RequestBody(required = true) CanarySetting canary) throws SQLException, IOException {
    return admin.setCanary(validator.valid(canary, "a JSON body with version and weight is required"));
  }

  @POST
  @Path("/promote")
  @Operation(summary = "Promote the candidate", description = "The candidate becomes the active version and the "
      + "split is cleared, on every replica within one poll interval.")
  @APIResponse(responseCode = "200", description = "The version now active, as {\"active\": ...}")
  @APIResponse(responseCode = "404", description = "No canary is set",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Map<String, String> promote() throws SQLException, IOException {
    return Map.of("active", admin.promote());
  }

  @DELETE
  @Operation(summary = "Abort the canary", description = "Every request goes to the active version again.")
  @APIResponse(responseCode = "204", description = "No canary is set (any more)")
  public Response abort() throws SQLException {
    admin.clear(true);
    return Response.noContent().build();
  }
}
