package dev.predictionservice.predictions.boundary;

import dev.predictionservice.platform.BodyValidator;
import dev.predictionservice.platform.Problem;
import dev.predictionservice.predictions.control.Predictor;
import dev.predictionservice.predictions.entity.BatchPredictionRequest;
import dev.predictionservice.predictions.entity.BatchPredictionResponse;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.PredictionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /predict} and {@code POST /predict/batch}: validate (once, through BodyValidator, not {@code @Valid}: see
 * there), delegate to the Predictor, return. The active model version scores unless the caller names a loaded one
 * ({@code ?version=} or the {@code X-Model-Version} header; the query wins).
 */
@Path("/predict")
@ApplicationScoped
@Tag(name = "predictions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PredictionsResource {

  private static final String MISSING = "a JSON body is required";
  static final String VERSION_HEADER = "X-Model-Version";
  private static final String VERSION_DOC = "A loaded model version to score with (GET /v2/repository/index lists"
      + " them); default: the active version.";
  private static final String HEADER_DOC = "The same as ?version= (which wins when both are given).";

  @Inject Predictor predictor;
  @Inject BodyValidator validator;

  @POST
  @Operation(summary = "Score one instance", description = "Returns the probability of the positive class.")
  @APIResponse(responseCode = "200", description = "The prediction")
  @APIResponse(responseCode = "400", description = "Malformed JSON, a field of the wrong type or an unknown field",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "The version asked for is not loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", description = "Body too large",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "Body not sent as application/json",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "A field out of range, missing, or an unknown category",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "Overloaded or timed out; retry after the Retry-After seconds",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public PredictionResponse predict(@RequestBody(required = true) PredictionRequest request,
      @Parameter(description = VERSION_DOC) @QueryParam("version") String version,
      @Parameter(description = HEADER_DOC) @HeaderParam(VERSION_HEADER) String versionHeader) {
    return predictor.predict(validator.valid(request, MISSING), version(version, versionHeader));
  }

  @POST
  @Path("/batch")
  @Operation(summary = "Score several instances",
      description = "Scores up to predict.batch.max-size instances with one model version, in order.")
  @APIResponse(responseCode = "200", description = "The predictions, in the order of the instances")
  @APIResponse(responseCode = "400", description = "Malformed JSON, a field of the wrong type or an unknown field",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "The version asked for is not loaded",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", description = "Body too large",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "Body not sent as application/json",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Empty or too large batch, or an invalid instance (named by index)",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "Overloaded or timed out; retry after the Retry-After seconds",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public BatchPredictionResponse predictBatch(@RequestBody(required = true) BatchPredictionRequest request,
      @Parameter(description = VERSION_DOC) @QueryParam("version") String version,
      @Parameter(description = HEADER_DOC) @HeaderParam(VERSION_HEADER) String versionHeader) {
    return predictor.predictBatch(validator.valid(request, MISSING).instances(), version(version, versionHeader));
  }

  /** The version the caller names, or null (an empty one too) for the active one. */
  private static String version(String query, String header) {
    String named = query != null && !query.isEmpty() ? query : header;
    return named == null || named.isEmpty() ? null : named;
  }
}
