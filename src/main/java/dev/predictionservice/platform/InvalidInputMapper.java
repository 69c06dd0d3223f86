package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Application-level validation failures (unknown category, batch too large): 422 validation-failed. */
@Provider
@ApplicationScoped
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(InvalidInputException e) {
    return problems.invalid(ProblemType.VALIDATION_FAILED, e.errors());
  }
}
