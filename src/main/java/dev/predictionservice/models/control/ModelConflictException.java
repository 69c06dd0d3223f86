package dev.predictionservice.models.control;

/** The request contradicts the registry's state: a version that exists already, or deleting the active one (409). */
public class ModelConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelConflictException(String message) {
    super(message);
  }
}
