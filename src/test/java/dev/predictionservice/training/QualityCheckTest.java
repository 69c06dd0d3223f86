package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.entity.EvaluationMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityCheckTest {

  private static EvaluationMetrics metrics(double auc, double logLoss, double accuracy) {
    return new EvaluationMetrics(4000, auc, 0.85, logLoss, accuracy, List.of());
  }

  @Test
  void withinTheTolerancesPasses() {
    assertNull(QualityCheck.compare(metrics(0.845, 0.47, 0.78), metrics(0.8486, 0.4648, 0.7735)));
  }

  @Test
  void aWorseModelIsNamedFigureByFigure() {
    String verdict = QualityCheck.compare(metrics(0.80, 0.52, 0.7735), metrics(0.8486, 0.4648, 0.7735));

    assertTrue(verdict.contains("AUC 0.8000 against 0.8486") && verdict.contains("log-loss 0.5200"), verdict);
    assertTrue(!verdict.contains("accuracy"), verdict);
  }

  @Test
  void notANumberNeverPasses() {
    assertTrue(QualityCheck.compare(metrics(Double.NaN, 0.46, 0.77), metrics(0.8486, 0.4648, 0.7735)) != null);
  }
}
