package dev.predictionservice.inferenceprotocol.boundary;

import dev.predictionservice.inferenceprotocol.control.InferenceModels;
import dev.predictionservice.inferenceprotocol.control.InferenceServer;
import dev.predictionservice.inferenceprotocol.entity.ServerLiveResponse;
import dev.predictionservice.inferenceprotocol.entity.ServerMetadataResponse;
import dev.predictionservice.inferenceprotocol.entity.ServerReadyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The server-level endpoints of the Open Inference Protocol (KServe V2): metadata, liveness, readiness. */
@Path("/v2")
@ApplicationScoped
@Tag(name = "open-inference-protocol",
    description = "Open Inference Protocol (KServe V2) REST API; errors are {\"error\": \"...\"}")
@Produces(MediaType.APPLICATION_JSON)
public class InferenceServerResource {

  @Inject InferenceServer server;
  @Inject InferenceModels models;

  @GET
  @Operation(summary = "Server metadata")
  @APIResponse(responseCode = "200", description = "Name, version and extensions of the server",
      content = @Content(schema = @Schema(implementation = ServerMetadataResponse.class)))
  public ServerMetadataResponse metadata() {
    return server.metadata();
  }

  @GET
  @Path("/health/live")
  @Operation(summary = "Server live", description = "200 while the server can answer; depends on nothing external.")
  @APIResponse(responseCode = "200", description = "Live",
      content = @Content(schema = @Schema(implementation = ServerLiveResponse.class)))
  public ServerLiveResponse live() {
    return new ServerLiveResponse(true);
  }

  @GET
  @Path("/health/ready")
  @Operation(summary = "Server ready",
      description = "200 while a model is active and the server is not draining for shutdown, else 503.")
  @APIResponse(responseCode = "200", description = "Ready",
      content = @Content(schema = @Schema(implementation = ServerReadyResponse.class)))
  @APIResponse(responseCode = "503", description = "Not ready",
      content = @Content(schema = @Schema(implementation = ServerReadyResponse.class)))
  public Response ready() {
    boolean ready = models.serverReady();
    return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(new ServerReadyResponse(ready))
        .build();
  }
}
