package dev.predictionservice.training;

import dev.predictionservice.models.entity.EvaluationMetrics;
import java.util.Locale;

/**
 * Whether a retrained model is as good as one trained before on the same data and seed. DL4J's training differs in
 * the low bits between CPUs, and those differences grow over the epochs, so the weights (and the version id, a hash
 * of them) may differ; the quality on the held-out split may not, beyond these tolerances.
 */
final class QualityCheck {

  static final double AUC_TOLERANCE = 0.01;
  static final double LOG_LOSS_TOLERANCE = 0.02;
  static final double ACCURACY_TOLERANCE = 0.02;

  private QualityCheck() {}

  /** Null when {@code actual} is within the tolerances of {@code expected}, else what differs. */
  static String compare(EvaluationMetrics actual, EvaluationMetrics expected) {
    StringBuilder out = new StringBuilder();
    check(out, "AUC", actual.auc(), expected.auc(), AUC_TOLERANCE);
    check(out, "log-loss", actual.logLoss(), expected.logLoss(), LOG_LOSS_TOLERANCE);
    check(out, "accuracy", actual.accuracy(), expected.accuracy(), ACCURACY_TOLERANCE);
    return out.length() == 0 ? null : out.toString();
  }

  private static void check(StringBuilder out, String name, double actual, double expected, double tolerance) {
    if (!(Math.abs(actual - expected) <= tolerance)) {
      out.append(out.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
          "%s %.4f against %.4f (at most %.2f apart)", name, actual, expected, tolerance));
    }
  }
}
