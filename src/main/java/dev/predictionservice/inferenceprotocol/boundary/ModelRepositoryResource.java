package dev.predictionservice.inferenceprotocol.boundary;

import dev.predictionservice.inferenceprotocol.control.ModelRepository;
import dev.predictionservice.inferenceprotocol.entity.InferenceError;
import dev.predictionservice.inferenceprotocol.entity.RepositoryIndexEntry;
import dev.predictionservice.models.boundary.AdminAudited;
import dev.predictionservice.platform.JsonProvider;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model-repository extension (Triton/KServe): which versions are loaded, and loading and unloading one. An admin
 * API like /models (the model-admin group; every call audited). Bodies are optional JSON and are read as text, so a
 * client that sends none, or no Content-Type, is served as the protocol allows.
 */
@Path("/v2/repository")
@ApplicationScoped
@RolesAllowed("model-admin")
@AdminAudited
@Tag(name = "open-inference-protocol")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or an invalid bearer token",
    content = @Content(schema = @Schema(implementation = InferenceError.class)))
@APIResponse(responseCode = "403", description = "The token lacks the group model-admin",
    content = @Content(schema = @Schema(implementation = InferenceError.class)))
public class ModelRepositoryResource {

  private static final String VERSION_BODY = "{\"parameters\": {\"version\": \"m-67bbd5326a4f\"}}";

  @Inject ModelRepository repository;

  @POST
  @Path("/index")
  @Operation(summary = "Repository index: every registered version and its state here",
      description = "Body optional: {\"ready\": true} lists only the READY (loaded) versions.")
  @APIResponse(responseCode = "200", description = "The versions",
      content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
          implementation = RepositoryIndexEntry.class)))
  public List<RepositoryIndexEntry> index(@RequestBody(required = false) String body)
      throws SQLException, IOException {
    return repository.index(JsonProvider.readTree(body));
  }

  @POST
  @Path("/models/{model}/load")
  @Operation(summary = "Load a version beside the active one (every replica follows)",
      description = "At most models.loaded.max versions beside the active one; the bundle is checked as at activation.")
  @APIResponse(responseCode = "200", description = "Loaded: its index entry",
      content = @Content(schema = @Schema(implementation = RepositoryIndexEntry.class)))
  @APIResponse(responseCode = "400", description = "No version named, or its bundle fails the engine check",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  @APIResponse(responseCode = "404", description = "Unknown model or version",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  @APIResponse(responseCode = "409", description = "models.loaded.max versions are loaded already",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  public RepositoryIndexEntry load(@PathParam("model") String model,
      @RequestBody(content = @Content(examples = @ExampleObject(name = "version", value = VERSION_BODY)))
          String body) throws SQLException, IOException {
    return repository.load(model, JsonProvider.readTree(body));
  }

  @POST
  @Path("/models/{model}/unload")
  @Operation(summary = "Unload a version (not the active one); every replica follows")
  @APIResponse(responseCode = "200", description = "Unloaded: its index entry, now UNAVAILABLE",
      content = @Content(schema = @Schema(implementation = RepositoryIndexEntry.class)))
  @APIResponse(responseCode = "400", description = "No version named",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  @APIResponse(responseCode = "404", description = "Unknown model, or the version is not loaded",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  @APIResponse(responseCode = "409", description = "The version is the active one: activate another first",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  public RepositoryIndexEntry unload(@PathParam("model") String model,
      @RequestBody(content = @Content(examples = @ExampleObject(name = "version", value = VERSION_BODY)))
          String body) throws SQLException, IOException {
    return repository.unload(model, JsonProvider.readTree(body));
  }
}
