package dev.predictionservice.inferenceprotocol.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.inferenceprotocol.control.Inference;
import dev.predictionservice.inferenceprotocol.control.InferenceModels;
import dev.predictionservice.inferenceprotocol.control.InferenceStatisticsReader;
import dev.predictionservice.inferenceprotocol.entity.InferenceError;
import dev.predictionservice.inferenceprotocol.entity.InferenceRequest;
import dev.predictionservice.inferenceprotocol.entity.InferenceResponse;
import dev.predictionservice.inferenceprotocol.entity.ModelMetadataResponse;
import dev.predictionservice.inferenceprotocol.entity.ModelReadyResponse;
import dev.predictionservice.inferenceprotocol.entity.StatisticsResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The per-model endpoints of the Open Inference Protocol (KServe V2). Paths without a version use the active one;
 * a path may name any loaded version; one that is not loaded is a 404 naming the loaded ones. The body of /infer is
 * taken as a JSON tree and checked by hand (see Inference), so that every mistake is answered in the protocol's own
 * error form.
 */
@Path("/v2/models/{model}")
@ApplicationScoped
@Tag(name = "open-inference-protocol")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "Unknown model or version",
    content = @Content(schema = @Schema(implementation = InferenceError.class)))
public class InferenceProtocolResource {

  @Inject InferenceModels models;
  @Inject Inference inference;
  @Inject InferenceStatisticsReader statistics;

  @GET
  @Operation(summary = "Model metadata (active version)")
  @APIResponse(responseCode = "200", description = "Inputs and outputs of the model",
      content = @Content(schema = @Schema(implementation = ModelMetadataResponse.class)))
  public ModelMetadataResponse metadata(@PathParam("model") String model) {
    return models.metadata(models.find(model, null), true);
  }

  @GET
  @Path("/versions/{version}")
  @Operation(summary = "Model metadata (one version)")
  @APIResponse(responseCode = "200", description = "Inputs and outputs of the model version",
      content = @Content(schema = @Schema(implementation = ModelMetadataResponse.class)))
  public ModelMetadataResponse versionMetadata(
      @PathParam("model") String model, @PathParam("version") String version) {
    return models.metadata(models.find(model, version), false);
  }

  @GET
  @Path("/ready")
  @Operation(summary = "Model ready (active version)", description = "200 when ready, 503 when not.")
  @APIResponse(responseCode = "200", description = "Ready or not",
      content = @Content(schema = @Schema(implementation = ModelReadyResponse.class)))
  public Response ready(@PathParam("model") String model) {
    return versionReady(model, null);
  }

  @GET
  @Path("/versions/{version}/ready")
  @Operation(summary = "Model ready (one version)", description = "200 when ready, 503 when not.")
  @APIResponse(responseCode = "200", description = "Ready or not",
      content = @Content(schema = @Schema(implementation = ModelReadyResponse.class)))
  public Response versionReady(@PathParam("model") String model, @PathParam("version") String version) {
    boolean ready = models.ready(models.find(model, version));
    return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(new ModelReadyResponse(models.modelName(), ready))
        .build();
  }

  @POST
  @Path("/infer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Inference (active version)",
      description = "Scores n rows given as the tensors age, income and category, each of shape [n].")
  @APIResponse(responseCode = "200", description = "The prediction tensor, FP32 [n]",
      content = @Content(schema = @Schema(implementation = InferenceResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON or tensors, or an invalid value",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  public InferenceResponse infer(@PathParam("model") String model,
      @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InferenceRequest.class)))
          JsonNode body) {
    return versionInfer(model, null, body);
  }

  @POST
  @Path("/versions/{version}/infer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Inference (one version)")
  @APIResponse(responseCode = "200", description = "The prediction tensor, FP32 [n]",
      content = @Content(schema = @Schema(implementation = InferenceResponse.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON or tensors, or an invalid value",
      content = @Content(schema = @Schema(implementation = InferenceError.class)))
  public InferenceResponse versionInfer(@PathParam("model") String model, @PathParam("version") String version,
      @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InferenceRequest.class)))
          JsonNode body) {
    models.find(model, version); // 404 for another model name before the body is read
    return inference.infer(models.modelName(), version, body);
  }

  @GET
  @Path("/stats")
  @Operation(summary = "Statistics of every loaded version of the model (statistics extension)")
  @APIResponse(responseCode = "200", description = "Counts and durations per version since the server started",
      content = @Content(schema = @Schema(implementation = StatisticsResponse.class)))
  public StatisticsResponse stats(@PathParam("model") String model) {
    return statistics.of(model, null);
  }

  @GET
  @Path("/versions/{version}/stats")
  @Operation(summary = "Statistics of one loaded version (statistics extension)")
  @APIResponse(responseCode = "200", description = "Counts and durations since the server started",
      content = @Content(schema = @Schema(implementation = StatisticsResponse.class)))
  public StatisticsResponse versionStats(@PathParam("model") String model, @PathParam("version") String version) {
    return statistics.of(model, version);
  }
}
