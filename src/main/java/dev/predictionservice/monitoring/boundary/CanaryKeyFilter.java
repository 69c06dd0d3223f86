package dev.predictionservice.monitoring.boundary;

import dev.predictionservice.monitoring.control.RequestKey;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands the caller's {@code X-Canary-Key} to the canary split. Only a request that sends one touches the
 * request-scoped key; the others cost a header lookup.
 */
@Provider
@Priority(Priorities.USER)
public class CanaryKeyFilter implements ContainerRequestFilter {

  @Inject RequestKey key;

  @Override
  public void filter(ContainerRequestContext request) {
    String fromCaller = request.getHeaderString(RequestKey.HEADER);
    if (fromCaller != null) {
      key.fromCaller(fromCaller);
    }
  }
}
