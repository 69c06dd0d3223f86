package dev.predictionservice.models.entity;

import java.util.List;

/**
 * How the model did on the held-out split. {@code bestAuc} is the AUC of the true probabilities where they are
 * known (generated data), i.e. the best any model can reach on that split; it is NaN for a user's CSV.
 */
public record EvaluationMetrics(
    long testRows,
    double auc,
    double bestAuc,
    double logLoss,
    double accuracy,
    List<CalibrationBin> calibration) {

  public EvaluationMetrics {
    calibration = calibration == null ? List.of() : List.copyOf(calibration);
  }

  /** One decile of predicted probability: how many rows fell into it, the mean prediction and the observed rate. */
  public record CalibrationBin(double lower, double upper, long count, double meanPredicted, double observedRate) {}
}
