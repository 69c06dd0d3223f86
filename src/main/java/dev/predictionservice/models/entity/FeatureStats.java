package dev.predictionservice.models.entity;

import java.util.List;
import java.util.Map;

/**
 * Training-data statistics, kept in the bundle so that serving traffic can be compared with them (drift). The bins
 * ({@code ageBins}, {@code incomeBins}, {@code predictionBins}) came with drift monitoring; a bundle written before
 * has none (null), and drift then reports itself unavailable for it.
 */
public record FeatureStats(
    long rows,
    double positiveRate,
    NumericStats age,
    NumericStats income,
    Map<String, Double> categoryShares,
    Bins ageBins,
    Bins incomeBins,
    Bins predictionBins) {

  public FeatureStats {
    categoryShares = categoryShares == null ? Map.of() : Map.copyOf(categoryShares);
  }

  /** Whether the bins drift needs are all here (bundles from before drift monitoring have none). */
  public boolean hasDriftBins() {
    return ageBins != null && incomeBins != null && predictionBins != null && !categoryShares.isEmpty();
  }

  /** Mean, standard deviation and range of one numeric column. */
  public record NumericStats(double mean, double std, double min, double max) {}

  /**
   * Fixed bins of one numeric column: {@code edges} ascending, bin i holding the values in [edges[i-1], edges[i])
   * (the first open below, the last open above), so there is one more share than edges; {@code shares} are the
   * training rows' shares of each bin and sum to 1.
   */
  public record Bins(List<Double> edges, List<Double> shares) {

    public Bins {
      edges = edges == null ? List.of() : List.copyOf(edges);
      shares = shares == null ? List.of() : List.copyOf(shares);
      if (shares.size() != edges.size() + 1) {
        throw new IllegalArgumentException(
            "bins need one share more than edges, got " + edges.size() + " edges and " + shares.size() + " shares");
      }
    }

    /** The edges as an array, for the request path (read once per loaded version). */
    public double[] edgeArray() {
      return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The bin of {@code value}: the number of edges at or below it. A linear scan: with ten bins it beats a binary
     * search, and trainer and server share it, so a value falls in the same bin on both sides.
     */
    public static int binOf(double[] edges, double value) {
      int bin = 0;
      while (bin < edges.length && value >= edges[bin]) {
        bin++;
      }
      return bin;
    }
  }
}
