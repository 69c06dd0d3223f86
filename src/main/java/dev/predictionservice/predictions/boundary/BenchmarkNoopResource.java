package dev.predictionservice.predictions.boundary;

import dev.predictionservice.platform.BodyValidator;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.PredictionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /bench/noop}: the same JSON in and out as {@code /predict}, validation included, but no model. The
 * benchmark (bench/) measures it as the ceiling the HTTP and JSON stack allow. Off (404) unless
 * {@code bench.noop.enabled=true}.
 */
@Path("/bench/noop")
@ApplicationScoped
public class BenchmarkNoopResource {

  private static final PredictionResponse CONSTANT = new PredictionResponse(0.5, "noop");

  @Inject BodyValidator validator;

  @Inject
  @ConfigProperty(name = "bench.noop.enabled", defaultValue = "false")
  boolean enabled;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public PredictionResponse noop(PredictionRequest request) {
    if (!enabled) {
      throw new NotFoundException();
    }
    validator.valid(request, "must not be null");
    return CONSTANT;
  }
}
