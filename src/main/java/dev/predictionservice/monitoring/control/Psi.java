package dev.predictionservice.monitoring.control;

/**
 * The population stability index of live shares against training shares: the sum over bins of
 * {@code (live - training) * ln(live / training)}. An empty bin would make the logarithm infinite, so every share is
 * taken as at least {@link #EPSILON} (1e-4, i.e. 0.01 %, the usual choice): a bin empty in both contributes 0, a bin
 * empty on one side a large but finite term. Read as: below 0.1 no change, 0.1 to 0.2 a moderate one, above 0.2 a
 * significant one (the alert's threshold).
 */
public final class Psi {

  public static final double EPSILON = 1e-4;

  private Psi() {}

  /** @param training and {@code live}: shares of the same bins, each summing to 1 */
  public static double of(double[] training, double[] live) {
    if (training.length != live.length) {
      throw new IllegalArgumentException(training.length + " training bins against " + live.length + " live bins");
    }
    double psi = 0;
    for (int i = 0; i < training.length; i++) {
      double expected = Math.max(training[i], EPSILON);
      double actual = Math.max(live[i], EPSILON);
      psi += (actual - expected) * Math.log(actual / expected);
    }
    return psi;
  }
}
