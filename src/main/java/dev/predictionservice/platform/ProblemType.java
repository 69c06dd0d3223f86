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
  URI_TOO_LONG(414, "URI too long"),
  HEADERS_TOO_LARGE(431, "Request headers too large"),
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

  /** What the caller should do about a problem of this type, when that is the same for every instance of it. */
  public String standardDetail() {
    return switch (this) {
      case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json in UTF-8";
      case NOT_ACCEPTABLE -> "This resource answers with application/json";
      case NOT_FOUND -> "No resource at this path";
      case METHOD_NOT_ALLOWED -> "This resource does not support the method";
      case UNAUTHORIZED -> "Send a valid bearer token (MP JWT)";
      case FORBIDDEN -> "The token's groups do not allow this";
      case URI_TOO_LONG -> "The request line is too long";
      case HEADERS_TOO_LARGE -> "The request headers are too large";
      case PAYLOAD_TOO_LARGE -> "The request body is too large";
      case INTERNAL_ERROR -> "Unexpected error; quote the request id when reporting it";
      default -> "The request line, the URL's encoding or a header is malformed";
    };
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
