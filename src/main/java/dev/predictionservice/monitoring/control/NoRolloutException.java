package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.ModelNotFoundException;

/** No canary (or shadow) is set: a 404 through the model admin API's mapper, naming what is missing. */
public class NoRolloutException extends ModelNotFoundException {

  private static final long serialVersionUID = 1L;

  NoRolloutException(String kind) {
    super(null, "No " + kind + " is set");
  }
}
