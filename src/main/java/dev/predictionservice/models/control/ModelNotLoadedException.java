package dev.predictionservice.models.control;

import java.util.Collection;

/** A version that is not loaded here (404): the message names the loaded ones, so a caller sees what it can use. */
public class ModelNotLoadedException extends ModelNotFoundException {

  private static final long serialVersionUID = 1L;

  public ModelNotLoadedException(String version, Collection<String> loaded) {
    super(version, "Model version '" + version + "' is not loaded; loaded: " + String.join(", ", loaded));
  }
}
