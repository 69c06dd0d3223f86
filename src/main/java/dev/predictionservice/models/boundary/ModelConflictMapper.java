package dev.predictionservice.models.boundary;

import dev.predictionservice.models.control.ModelConflictException;
import dev.predictionservice.platform.ProblemResponses;
import dev.predictionservice.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The registry's refusal as problem+json: a version already registered or still active, 409. */
@Provider
@ApplicationScoped
public class ModelConflictMapper implements ExceptionMapper<ModelConflictException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ModelConflictException e) {
    return problems.of(ProblemType.CONFLICT, e.getMessage());
  }
}
