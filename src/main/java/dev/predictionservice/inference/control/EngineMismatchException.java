package dev.predictionservice.inference.control;

/** The Java engine and DL4J disagree on a check row by more than {@link EngineCheck#TOLERANCE}: refuse the model. */
public class EngineMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EngineMismatchException(String message) {
    super(message);
  }
}
