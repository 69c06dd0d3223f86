package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Overload and timeouts: 503 with Retry-After, so clients and load balancers back off instead of piling up. */
@Provider
@ApplicationScoped
public class FaultToleranceMapper implements ExceptionMapper<FaultToleranceException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(FaultToleranceException e) {
    if (e instanceof TimeoutException) {
      return problems.of(ProblemType.TIMEOUT, "The model did not answer in time");
    }
    if (e instanceof BulkheadException || e instanceof CircuitBreakerOpenException) {
      return problems.of(ProblemType.OVERLOADED, "Too many concurrent requests");
    }
    return problems.of(ProblemType.OVERLOADED, "The request could not be served now");
  }
}
