package dev.predictionservice.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Refuses request headers over {@link #MAX_FIELD_BYTES} in one field or {@link #MAX_HEADER_BYTES} in all with 431
 * (RFC 6585), and a request target over {@link #MAX_FIELD_BYTES} with 414, as a problem (the protocol's shape under
 * /v2). Liberty's HTTP channel answers fields over its own limit with an empty 400 before any application code runs,
 * so server.xml sets that limit ({@code httpOptions limitFieldSize}) well above these: such requests reach this filter
 * and get a JSON answer. The per-field limit is Liberty's default, so nothing it accepted before is refused now.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public class HeaderSizeLimitFilter implements ContainerRequestFilter {

  /** The largest header field (name and value) or request target, in bytes. */
  public static final int MAX_FIELD_BYTES = 32 * 1024;
  /** The largest sum of all header fields, in bytes (each counted as name, value and the 4 bytes around them). */
  public static final int MAX_HEADER_BYTES = 64 * 1024;
  /** ": " between name and value, CRLF after it. */
  private static final int FIELD_OVERHEAD = 4;

  @Inject ProblemResponses problems;

  @Override
  public void filter(ContainerRequestContext request) {
    if (targetLength(request.getUriInfo().getRequestUri()) > MAX_FIELD_BYTES) {
      request.abortWith(problems.of(ProblemType.URI_TOO_LONG,
          "The request target is longer than " + MAX_FIELD_BYTES + " bytes"));
      return;
    }
    long total = 0;
    for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
      for (String value : header.getValue()) {
        int field = header.getKey().length() + (value == null ? 0 : value.length());
        if (field > MAX_FIELD_BYTES) {
          request.abortWith(problems.of(ProblemType.HEADERS_TOO_LARGE,
              "A header field is larger than " + MAX_FIELD_BYTES + " bytes"));
          return;
        }
        total += field + FIELD_OVERHEAD;
      }
    }
    if (total > MAX_HEADER_BYTES) {
      request.abortWith(problems.of(ProblemType.HEADERS_TOO_LARGE,
          "The request headers are larger than " + MAX_HEADER_BYTES + " bytes together"));
    }
  }

  /** Path and query as they came (still percent-encoded), the part of the request line a client controls. */
  static long targetLength(URI uri) {
    String path = uri.getRawPath();
    String query = uri.getRawQuery();
    return (path == null ? 0 : path.length()) + (query == null ? 0 : query.length() + 1);
  }
}
