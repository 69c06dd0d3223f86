package dev.predictionservice.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Gives every request an id, puts it on the log lines written while serving it, and on every response. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject RequestIds requestIds;

  @Override
  public void filter(ContainerRequestContext request) {
    RequestLogContext.enter(requestIds.assign(request.getHeaderString(RequestIds.HEADER)));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // The id stays on the thread until RequestEndListener: an exception mapper may still answer after this filter.
    response.getHeaders().putSingle(RequestIds.HEADER, requestIds.current());
  }
}
