package dev.predictionservice.platform;

/** A request body that grew past the configured limit while it was being read. */
public class PayloadTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final long limit;

  public PayloadTooLargeException(long limit) {
    super("The body may be at most " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
