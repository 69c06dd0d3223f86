package dev.predictionservice.predictions.control;

import dev.predictionservice.predictions.entity.RowError;
import java.util.Collection;
import java.util.List;

/**
 * How an entry point words the scoring use case's refusals, so each API's error is built once, in its own shape
 * (problem+json fields for /predict, the protocol's message under /v2). Each method returns the exception to throw.
 */
public interface InputErrors {

  /** Instances the model cannot score (an unknown category); {@code errors} holds at least one. */
  RuntimeException invalidRows(List<RowError> errors);

  /** More instances than {@code predict.batch.max-size}. */
  RuntimeException tooManyRows(int max, int given);

  /** The version asked for is not loaded here (404); {@code loaded} names those that are. */
  RuntimeException versionNotLoaded(String version, Collection<String> loaded);
}
