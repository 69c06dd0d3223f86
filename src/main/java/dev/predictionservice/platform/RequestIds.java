package dev.predictionservice.platform;

import jakarta.enterprise.context.RequestScoped;
import java.util.regex.Pattern;

/** The request id of the current request: the caller's X-Request-ID if it is sane, else a new time-ordered UUID. */
@RequestScoped
public class RequestIds {

  public static final String HEADER = "X-Request-ID";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private String current;

  /** Takes the caller's id when it is safe to echo and log, else makes one. */
  public String assign(String fromCaller) {
    current = fromCaller != null && SANE.matcher(fromCaller).matches() ? fromCaller : TimeOrderedIds.next();
    return current;
  }

  /** The id already given to this request, else the caller's (if sane) or a new one: for errors raised before the
   * JAX-RS filter ran. */
  public String currentOr(String fromCaller) {
    return current != null ? current : assign(fromCaller);
  }

  /** The id of this request (made on first use when no filter assigned one). */
  public String current() {
    if (current == null) {
      current = TimeOrderedIds.next();
    }
    return current;
  }
}
