package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.FeatureStats.Bins;
import dev.predictionservice.models.entity.ModelMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What live rows of one version are compared with: the bundle's training bins as arrays, laid out as one counter
 * array (age bins, income bins, one bin per category in schema order, prediction bins), and the bin of a scored row
 * in each feature. Built once per loaded version; {@link #count} is the only part on the request path.
 */
final class DriftReference {

  /** The features, in counter order: the schema's inputs, then the model's output. Fixed metric label values. */
  static final List<String> FEATURES = List.of("age", "income", "category", "prediction");

  private final double[] ageEdges;
  private final double[] incomeEdges;
  private final double[] predictionEdges;
  private final int categories;
  private final int[] offsets;
  private final double[][] trainingShares;
  private final List<List<String>> labels;

  private DriftReference(FeatureStats stats, List<String> categoryNames) {
    ageEdges = stats.ageBins().edgeArray();
    incomeEdges = stats.incomeBins().edgeArray();
    predictionEdges = stats.predictionBins().edgeArray();
    categories = categoryNames.size();
    double[] categoryShares = categoryNames.stream()
        .mapToDouble(c -> stats.categoryShares().getOrDefault(c, 0.0)).toArray();
    trainingShares = new double[][] {shares(stats.ageBins()), shares(stats.incomeBins()), categoryShares,
        shares(stats.predictionBins())};
    offsets = new int[FEATURES.size() + 1];
    for (int f = 0; f < FEATURES.size(); f++) {
      offsets[f + 1] = offsets[f] + trainingShares[f].length;
    }
    labels = List.of(numericLabels(ageEdges), numericLabels(incomeEdges), List.copyOf(categoryNames),
        numericLabels(predictionEdges));
  }

  /** The reference of a bundle's metadata; null when the bundle has no drift bins (trained before they existed). */
  static DriftReference of(ModelMetadata metadata) {
    FeatureStats stats = metadata.trainingStats();
    if (stats == null || !stats.hasDriftBins()) {
      return null;
    }
    return new DriftReference(stats, metadata.schema().categories());
  }

  /** Counters per row in the window: every bin of every feature. */
  int width() {
    return offsets[FEATURES.size()];
  }

  int offset(int feature) {
    return offsets[feature];
  }

  int bins(int feature) {
    return trainingShares[feature].length;
  }

  double[] trainingShares(int feature) {
    return trainingShares[feature].clone();
  }

  List<String> labels(int feature) {
    return labels.get(feature);
  }

  /**
   * Counts an encoded row (age, income, one-hot categories) and its score: one bin of each feature. No allocation,
   * no lock: four atomic increments.
   */
  void count(float[] row, float score, AtomicLongArray counters) {
    counters.incrementAndGet(offsets[0] + Bins.binOf(ageEdges, row[0]));
    counters.incrementAndGet(offsets[1] + Bins.binOf(incomeEdges, row[1]));
    int category = 0;
    while (category < categories - 1 && row[2 + category] == 0f) {
      category++;
    }
    counters.incrementAndGet(offsets[2] + category);
    counters.incrementAndGet(offsets[3] + Bins.binOf(predictionEdges, score));
  }

  private static double[] shares(Bins bins) {
    return bins.shares().stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<String> numericLabels(double[] edges) {
    if (edges.length == 0) {
      return List.of("all"); // every training value was the same: one bin
    }
    List<String> names = new ArrayList<>(edges.length + 1);
    names.add("< " + number(edges[0]));
    for (int i = 1; i < edges.length; i++) {
      names.add("[" + number(edges[i - 1]) + ", " + number(edges[i]) + ")");
    }
    names.add(">= " + number(edges[edges.length - 1]));
    return List.copyOf(names);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.4g", value);
  }
}
