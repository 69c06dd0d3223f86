package dev.predictionservice.models.control;

/** A model bundle that cannot be read: missing, not a bundle, or inconsistent. The message names the source. */
public class ModelBundleFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelBundleFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  public ModelBundleFormatException(String message) {
    super(message);
  }
}
