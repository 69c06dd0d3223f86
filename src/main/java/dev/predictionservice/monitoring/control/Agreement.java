package dev.predictionservice.monitoring.control;

/**
 * How far a shadow version's scores are from the ones the caller got, for one call: the rows compared, the sum of
 * the absolute differences (a sum, so that the mean over any window is the sum's rate over the rows' rate) and the
 * rows whose decision at 0.5 differs.
 */
record Agreement(int rows, double absoluteDifference, int flips) {

  static final float THRESHOLD = 0.5f;

  static Agreement of(float[] served, float[] shadow) {
    if (served.length != shadow.length) {
      throw new IllegalArgumentException(served.length + " served scores but " + shadow.length + " shadow scores");
    }
    double difference = 0;
    int flips = 0;
    for (int i = 0; i < served.length; i++) {
      difference += Math.abs((double) served[i] - shadow[i]);
      if (served[i] >= THRESHOLD != shadow[i] >= THRESHOLD) {
        flips++;
      }
    }
    return new Agreement(served.length, difference, flips);
  }
}
