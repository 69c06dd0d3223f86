package dev.predictionservice.models.control;

/** No model version of that name is registered, or (ModelNotLoadedException) none is loaded here (404). */
public class ModelNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String version;

  public ModelNotFoundException(String version) {
    this(version, "No model version '" + version + "' is registered");
  }

  protected ModelNotFoundException(String version, String message) {
    super(message);
    this.version = version;
  }

  /** The version asked for. */
  public String version() {
    return version;
  }
}
