package dev.predictionservice.training;

import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.FeatureStats.NumericStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Summary statistics of the training rows, stored in the bundle as the reference for drift checks: per numeric column
 * its moments and decile bins, the category shares, and the decile bins of the model's own predictions on the rows.
 */
final class TrainingStats {

  private TrainingStats() {}

  /** @param predictions the trained model's score of each row, in the order of {@code rows} */
  static FeatureStats of(List<TrainingRow> rows, List<String> categories, double[] predictions) {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (String category : categories) {
      long n = rows.stream().filter(r -> r.category().equals(category)).count();
      shares.put(category, (double) n / rows.size());
    }
    double positives = rows.stream().mapToInt(TrainingRow::label).sum();
    return new FeatureStats(
        rows.size(),
        positives / rows.size(),
        numeric(rows, TrainingRow::age),
        numeric(rows, TrainingRow::income),
        shares,
        DecileBins.of(rows.stream().mapToDouble(TrainingRow::age).toArray()),
        DecileBins.of(rows.stream().mapToDouble(TrainingRow::income).toArray()),
        DecileBins.of(predictions));
  }

  private static NumericStats numeric(List<TrainingRow> rows, ToDoubleFunction<TrainingRow> column) {
    var stats = rows.stream().mapToDouble(column).summaryStatistics();
    double mean = stats.getAverage();
    double variance = rows.stream().mapToDouble(column).map(v -> (v - mean) * (v - mean)).sum() / rows.size();
    return new NumericStats(mean, Math.sqrt(variance), stats.getMin(), stats.getMax());
  }
}
