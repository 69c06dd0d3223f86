package dev.predictionservice.training;

import dev.predictionservice.models.entity.EvaluationMetrics;
import dev.predictionservice.models.entity.EvaluationMetrics.CalibrationBin;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.curves.RocCurve;
import org.nd4j.linalg.factory.Nd4j;

/** Scores of a model on held-out rows: AUC (ND4J's exact ROC), log-loss, accuracy, calibration by decile. */
public final class Evaluation {

  private static final double EPSILON = 1e-7;

  /** The metrics plus the ROC curve, for the model card's plot. */
  public record Result(EvaluationMetrics metrics, RocCurve rocCurve) {}

  private Evaluation() {}

  public static Result evaluate(List<TrainingRow> rows, float[] predicted) {
    int n = rows.size();
    float[] labels = new float[n];
    double logLoss = 0;
    int correct = 0;
    boolean trueKnown = true;
    float[] truth = new float[n];
    for (int i = 0; i < n; i++) {
      TrainingRow row = rows.get(i);
      labels[i] = row.label();
      double p = Math.min(1 - EPSILON, Math.max(EPSILON, predicted[i]));
      logLoss -= row.label() == 1 ? Math.log(p) : Math.log(1 - p);
      correct += (predicted[i] >= 0.5 ? 1 : 0) == row.label() ? 1 : 0;
      trueKnown &= !Double.isNaN(row.trueProbability());
      truth[i] = (float) row.trueProbability();
    }
    ROC roc = roc(labels, predicted);
    double bestAuc = trueKnown ? roc(labels, truth).calculateAUC() : Double.NaN;
    EvaluationMetrics metrics =
        new EvaluationMetrics(
            n, roc.calculateAUC(), bestAuc, logLoss / n, (double) correct / n, calibration(labels, predicted));
    return new Result(metrics, roc.getRocCurve());
  }

  private static ROC roc(float[] labels, float[] scores) {
    ROC roc = new ROC(0); // 0 = exact, no threshold binning
    roc.eval(Nd4j.create(labels, labels.length, 1), Nd4j.create(scores, scores.length, 1));
    return roc;
  }

  /** Ten equal-width bins of predicted probability; empty bins are left out. */
  static List<CalibrationBin> calibration(float[] labels, float[] predicted) {
    long[] count = new long[10];
    double[] sumPredicted = new double[10];
    double[] sumObserved = new double[10];
    for (int i = 0; i < labels.length; i++) {
      int bin = Math.min(9, (int) (predicted[i] * 10));
      count[bin]++;
      sumPredicted[bin] += predicted[i];
      sumObserved[bin] += labels[i];
    }
    List<CalibrationBin> bins = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      if (count[b] > 0) {
        bins.add(new CalibrationBin(b / 10.0, (b + 1) / 10.0, count[b], sumPredicted[b] / count[b],
            sumObserved[b] / count[b]));
      }
    }
    return bins;
  }
}
