package dev.predictionservice.training;

/** A training file that cannot be used; the message names the file, the line and the problem. */
public class DatasetException extends Exception {

  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }
}
