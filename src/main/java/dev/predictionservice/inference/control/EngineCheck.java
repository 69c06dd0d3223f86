package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.ScoringEngine;

/**
 * Compares an engine with a reference (DL4J) on check rows. Differences are absolute for scores up to 1 (every
 * probability) and relative above, so a regression output is held to the same number of digits.
 */
public final class EngineCheck {

  /** The largest difference allowed between the Java engine and DL4J on any check row. */
  public static final double TOLERANCE = 1e-5;

  private EngineCheck() {}

  /** The row where the two differ most. */
  public record Result(int rows, int worstRow, float engine, float reference, double difference) {

    public boolean agrees() {
      return difference <= TOLERANCE;
    }
  }

  public static Result compare(ScoringEngine engine, ScoringEngine reference, float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("No check rows");
    }
    float[] ours = engine.score(rows);
    float[] theirs = reference.score(rows);
    int worst = 0;
    double largest = -1;
    for (int r = 0; r < rows.length; r++) {
      double difference = Math.abs((double) ours[r] - theirs[r]) / Math.max(1.0, Math.abs(theirs[r]));
      // NaN on either side is the worst there is.
      if (Double.isNaN(difference)) {
        difference = Double.POSITIVE_INFINITY;
      }
      if (difference > largest) {
        largest = difference;
        worst = r;
      }
    }
    return new Result(rows.length, worst, ours[worst], theirs[worst], largest);
  }
}
