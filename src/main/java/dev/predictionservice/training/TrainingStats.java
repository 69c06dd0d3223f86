package dev.predictionservice.training;

import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.FeatureStats.NumericStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Summary statistics of the training rows, stored in the bundle as the reference for drift checks. */
final class TrainingStats {

  private TrainingStats() {}

  static FeatureStats of(List<TrainingRow> rows, List<String> categories) {
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
        shares);
  }

  private static NumericStats numeric(List<TrainingRow> rows, ToDoubleFunction<TrainingRow> column) {
    var stats = rows.stream().mapToDouble(column).summaryStatistics();
    double mean = stats.getAverage();
    double variance = rows.stream().mapToDouble(column).map(v -> (v - mean) * (v - mean)).sum() / rows.size();
    return new NumericStats(mean, Math.sqrt(variance), stats.getMin(), stats.getMax());
  }
}
