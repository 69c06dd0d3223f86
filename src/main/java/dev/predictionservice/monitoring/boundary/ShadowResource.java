package dev.predictionservice.monitoring.boundary;

import dev.predictionservice.models.boundary.AdminAudited;
import dev.predictionservice.monitoring.control.RolloutAdmin;
import dev.predictionservice.monitoring.entity.ShadowSetting;
import dev.predictionservice.platform.BodyValidator;
import dev.predictionservice.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shadow, part of the model admin API (role model-admin, audited): a version that scores a share of the calls in
 * the background, for the agreement metrics and the prediction log, never for the caller.
 */
@Path("/models/shadow")
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
public class ShadowResource {

  @Inject RolloutAdmin admin;
  @Inject BodyValidator validator;

  @GET
  @Operation(summary = "Show the shadow")
  @APIResponse(responseCode = "200", description = "The shadow version and its fraction")
  @APIResponse(responseCode = "404", description = "No shadow is set",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ShadowSetting show() throws SQLException {
    return admin.shadow();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the shadow", description = "After a call is answered, the calls whose X-Request-ID hashes "
      + "within the fraction are queued (bounded; dropped and counted when full) and scored by the shadow version.")
  @APIResponse(responseCode = "200", description = "The shadow, now set")
  @APIResponse(responseCode = "400", description = "Malformed JSON or an unknown field",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "Unknown version",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The version is the active one, or models.loaded.max are loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "A fraction outside 0..1, a missing field, or a bundle that fails "
      + "the check", content = @Content(mediaType = Problem.MEDIA_TYPE,
          schema = @Schema(implementation = Problem.class)))
  public ShadowSetting set(@RequestBody(required = true) ShadowSetting shadow) throws SQLException, IOException {
    return admin.setShadow(validator.valid(shadow, "a JSON body with version and fraction is required"));
  }

  @DELETE
  @Operation(summary = "Stop the shadow")
  @APIResponse(responseCode = "204", description = "No shadow is set (any more)")
  public Response clear() throws SQLException {
    admin.clear(false);
    return Response.noContent().build();
  }
}
