package dev.predictionservice.training;

import dev.predictionservice.models.entity.FeatureStats.Bins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed bins of one numeric column for drift: the training data's decile edges and the share of training rows in
 * each bin. Whole-number columns (age) have ties at the edges, so the shares are counted, not assumed to be 1/10;
 * an edge that repeats the one before or the minimum is dropped (it would only make an always-empty bin).
 */
final class DecileBins {

  static final int BINS = 10;

  private DecileBins() {}

  static Bins of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no training values to bin");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<Double> edges = new ArrayList<>();
    double previous = sorted[0];
    for (int k = 1; k < BINS; k++) {
      double edge = sorted[Math.min(sorted.length - 1, (int) ((long) k * sorted.length / BINS))];
      if (edge > previous) {
        edges.add(edge);
        previous = edge;
      }
    }
    double[] edgeArray = edges.stream().mapToDouble(Double::doubleValue).toArray();
    long[] counts = new long[edgeArray.length + 1];
    for (double value : values) {
      counts[Bins.binOf(edgeArray, value)]++;
    }
    List<Double> shares = new ArrayList<>(counts.length);
    for (long count : counts) {
      shares.add((double) count / values.length);
    }
    return new Bins(edges, shares);
  }
}
