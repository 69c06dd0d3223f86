package dev.predictionservice.predictionlog.control;

import java.io.IOException;

/** The spool reached prediction-log.spool.max-bytes: the rows that did not fit are dropped. */
public class SpoolFullException extends IOException {

  private static final long serialVersionUID = 1L;

  public SpoolFullException(String message) {
    super(message);
  }
}
