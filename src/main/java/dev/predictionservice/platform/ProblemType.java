package dev.predictionservice.platform;

/**
 * The kinds of problem this service reports: each has a fixed status and title, and its slug is also the bounded
 * {@code reason} label of the error metric.
 */
public enum ProblemType {
  MALFORMED_JSON(400, "Malformed JSON"),
  INVALID_JSON_FIELD(400, "Invalid field type or unknown field"),
  VALIDATION_FAILED(422, "Invalid field"),
  PAYLOAD_TOO_LARGE(413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  BAD_REQUEST(400, "Bad request"),
  OVERLOADED(503, "Overloaded, retry later"),
  TIMEOUT(503, "Timed out, retry later"),
  INTERNAL_ERROR(500, "Internal error"),
  UNAUTHORIZED(401, "Authentication required"),
  FORBIDDEN(403, "Forbidden"),
  CONFLICT(409, "Conflict"),
  INVALID_MODEL_BUNDLE(422, "Invalid model bundle");

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The URI reference used as the problem's {@code type}, and the metric label. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public String uri() {
    return "/problems/" + slug();
  }

  /**
   * The type for an HTTP error status that the JAX-RS runtime raised itself. Types only the application raises
   * (with their own meaning: a registry conflict, an unusable model bundle) are never guessed from a status.
   */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != INVALID_JSON_FIELD && type != MALFORMED_JSON && type != TIMEOUT
          && type != CONFLICT && type != INVALID_MODEL_BUNDLE) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
  }
}
