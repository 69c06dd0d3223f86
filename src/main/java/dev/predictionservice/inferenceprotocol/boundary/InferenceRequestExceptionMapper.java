package dev.predictionservice.inferenceprotocol.boundary;

import dev.predictionservice.platform.ProblemResponses;
import dev.predictionservice.platform.ProblemType;
import dev.predictionservice.inferenceprotocol.control.InferenceRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A rejected {@code /v2} request: 400, or 404 for an unknown model or version. It goes through ProblemResponses so
 * it is counted like every other error; {@link InferenceErrorFilter} then gives it the protocol's error shape.
 */
@Provider
@ApplicationScoped
public class InferenceRequestExceptionMapper implements ExceptionMapper<InferenceRequestException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(InferenceRequestException e) {
    return problems.of(e.unknownModel() ? ProblemType.NOT_FOUND : ProblemType.BAD_REQUEST, e.getMessage());
  }
}
