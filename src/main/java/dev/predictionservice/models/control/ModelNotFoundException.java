package dev.predictionservice.models.control;

/** No model version of that name is registered (404). */
public class ModelNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelNotFoundException(String version) {
    super("No model version '" + version + "' is registered");
  }
}
