package dev.predictionservice.inferenceprotocol.control;

/**
 * A {@code /v2} request the Open Inference Protocol answers with an error: 400 for a request that is wrong, 404 for a
 * model or version this server does not serve. The message is shown to the caller as it is.
 */
public class InferenceRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final boolean unknownModel;

  private InferenceRequestException(String message, boolean unknownModel) {
    super(message);
    this.unknownModel = unknownModel;
  }

  public static InferenceRequestException invalid(String message) {
    return new InferenceRequestException(message, false);
  }

  public static InferenceRequestException unknownModel(String message) {
    return new InferenceRequestException(message, true);
  }

  public boolean unknownModel() {
    return unknownModel;
  }
}
