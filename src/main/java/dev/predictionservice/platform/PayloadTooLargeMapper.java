package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A chunked body that went past the limit: 413 payload-too-large. */
@Provider
@ApplicationScoped
public class PayloadTooLargeMapper implements ExceptionMapper<PayloadTooLargeException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(PayloadTooLargeException e) {
    return problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
  }
}
