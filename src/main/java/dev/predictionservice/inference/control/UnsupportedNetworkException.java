package dev.predictionservice.inference.control;

/** The network holds a layer, an activation or a normalizer the Java engine does not compute; DL4J scores it. */
public class UnsupportedNetworkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnsupportedNetworkException(String message) {
    super(message);
  }
}
