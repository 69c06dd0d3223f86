package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * The request id of the current request: the caller's X-Request-ID if it is sane, else a new time-ordered UUID.
 *
 * <p>Held on the request's thread ({@link RequestLogContext}, which also puts it on the log lines), not in a
 * {@code @RequestScoped} bean: Weld created that bean in the request context on every request, 3.8 % of the server's
 * CPU at 64 connections (bench/README.md). {@link RequestEndListener} clears it when the request ends, whatever path
 * the request took.
 */
@ApplicationScoped
public class RequestIds {

  public static final String HEADER = "X-Request-ID";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Takes the caller's id when it is safe to echo and log, else makes one; this request's id from now on. */
  public String assign(String fromCaller) {
    String id = fromCaller != null && SANE.matcher(fromCaller).matches() ? fromCaller : TimeOrderedIds.next();
    RequestLogContext.enter(id);
    return id;
  }

  /** The id already given to this request, else the caller's (if sane) or a new one: for errors raised before the
   * JAX-RS filter ran. */
  public String currentOr(String fromCaller) {
    String id = RequestLogContext.current();
    return id != null ? id : assign(fromCaller);
  }

  /** The id of the request this thread serves, or "none" on a thread that serves none (a background task): never
   * makes one, which would stay on that thread. */
  public String currentOrNone() {
    String id = RequestLogContext.current();
    return id != null ? id : "none";
  }

  /** The id of this request (made on first use when no filter assigned one). */
  public String current() {
    return currentOr(null);
  }
}
