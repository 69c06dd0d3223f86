package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.FeatureStats.Bins;
import dev.predictionservice.models.entity.FeatureStats.NumericStats;
import dev.predictionservice.models.entity.ModelMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small drift references for tests: ages cut at 30 and 60, incomes at 1000, predictions at 0.5, categories A, B. */
final class DriftFixtures {

  static final FeatureSchema SCHEMA = FeatureSchema.withCategories(List.of("A", "B"));

  private DriftFixtures() {}

  static ModelMetadata metadata(boolean withBins) {
    FeatureStats stats = new FeatureStats(100, 0.5, new NumericStats(45, 20, 0, 90),
        new NumericStats(1000, 500, 0, 2000), Map.of("A", 0.5, "B", 0.5),
        withBins ? new Bins(List.of(30.0, 60.0), List.of(0.3, 0.4, 0.3)) : null,
        withBins ? new Bins(List.of(1000.0), List.of(0.5, 0.5)) : null,
        withBins ? new Bins(List.of(0.5), List.of(0.5, 0.5)) : null);
    return new ModelMetadata("m-test", Instant.EPOCH, SCHEMA, stats, null, 1, Map.of(), "test");
  }

  static DriftReference reference() {
    return DriftReference.of(metadata(true));
  }

  /** An encoded row as FeatureEncoder makes it. */
  static float[] row(int age, double income, String category) {
    float[] row = new float[SCHEMA.width()];
    row[0] = age;
    row[1] = (float) income;
    row[2 + SCHEMA.categories().indexOf(category)] = 1f;
    return row;
  }
}
