package dev.predictionservice.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Rejects bodies over {@code predict.body.max-bytes} with 413: at once when Content-Length says so, and while reading
 * when the body is chunked, so an oversized request never reaches the JSON parser in full.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BodySizeLimitFilter implements ContainerRequestFilter {

  @Inject RequestBodyLimit limit;
  @Inject ProblemResponses problems;

  @Override
  public void filter(ContainerRequestContext request) {
    long max = limit.maxBytes();
    if (declaredLength(request) > max) {
      request.abortWith(problems.of(ProblemType.PAYLOAD_TOO_LARGE, new PayloadTooLargeException(max).getMessage()));
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream(), max));
    }
  }

  /** Content-Length, or Long.MAX_VALUE when it is a number too big for the runtime's int (it would fail with 500). */
  private static long declaredLength(ContainerRequestContext request) {
    try {
      return request.getLength();
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
