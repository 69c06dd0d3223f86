package dev.predictionservice.predictions.control;

import java.util.Collection;

/** A request named a model version that is not loaded on this server (404); the message names those that are. */
public class ModelVersionNotLoadedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelVersionNotLoadedException(String version, Collection<String> loaded) {
    super("Model version '" + version + "' is not loaded; loaded: " + String.join(", ", loaded));
  }
}
