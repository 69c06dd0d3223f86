package dev.predictionservice.models.boundary;

import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.control.ModelCatalog;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelVersionDetail;
import dev.predictionservice.models.entity.ModelVersionSummary;
import dev.predictionservice.platform.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The model admin API: thin, every call delegates to the catalog or the registry. Needs the model-admin group; every
 * call is written to the audit log ({@link AdminAuditFilter}).
 */
@Path("/models")
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
public class ModelsResource {

  @Inject ModelCatalog catalog;
  @Inject ModelRegistry registry;

  @GET
  @Operation(summary = "List the registered model versions")
  @APIResponse(responseCode = "200", description = "The registered versions")
  public List<ModelVersionSummary> list() throws SQLException {
    return catalog.list().stream().map(ModelVersionSummary::of).toList();
  }

  @GET
  @Path("/{version}")
  @Operation(summary = "Show one model version with its metadata")
  @APIResponse(responseCode = "200", description = "The version")
  @APIResponse(responseCode = "404", description = "Unknown version",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ModelVersionDetail show(@PathParam("version") String version) throws SQLException, IOException {
    ModelVersionSummary summary = ModelVersionSummary.of(catalog.find(version));
    return new ModelVersionDetail(summary, ModelBundleFiles.readTree(catalog.metadata(version)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "Register a model bundle (not activated)",
      description = "The body is a bundle file as the trainer writes it. It is read and checked in full first.")
  @APIResponse(responseCode = "201", description = "Registered; Location names the new version")
  @APIResponse(responseCode = "409", description = "The version is already registered",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Not a bundle, or a bundle this service cannot serve",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response upload(byte[] bundle) throws SQLException, IOException {
    ModelVersionSummary created = ModelVersionSummary.of(catalog.register(bundle, "upload"));
    return Response.created(UriBuilder.fromPath("/models/{v}").build(created.version())).entity(created).build();
  }

  @POST
  @Path("/{version}/activate")
  @Operation(summary = "Activate a version (also the rollback)",
      description = "Every replica serves it within seconds; in-flight requests finish on the previous one.")
  @APIResponse(responseCode = "200", description = "The version, now active")
  @APIResponse(responseCode = "404", description = "Unknown version",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public ModelVersionSummary activate(@PathParam("version") String version) throws SQLException, IOException {
    registry.activate(version);
    return ModelVersionSummary.of(catalog.find(version));
  }

  @DELETE
  @Path("/{version}")
  @Operation(summary = "Delete an inactive version")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "Unknown version",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The version is active",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response delete(@PathParam("version") String version) throws SQLException {
    catalog.delete(version);
    return Response.noContent().build();
  }
}
