package dev.predictionservice.models.boundary;

import dev.predictionservice.models.control.ModelNotFoundException;
import dev.predictionservice.platform.ProblemResponses;
import dev.predictionservice.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The registry's refusal as problem+json: unknown version, 404. */
@Provider
@ApplicationScoped
public class ModelNotFoundMapper implements ExceptionMapper<ModelNotFoundException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ModelNotFoundException e) {
    return problems.of(ProblemType.NOT_FOUND, e.getMessage());
  }
}
