package dev.predictionservice.models.entity;

import java.util.Map;

/** Training-data statistics, kept in the bundle so that serving traffic can later be compared with them (drift). */
public record FeatureStats(
    long rows,
    double positiveRate,
    NumericStats age,
    NumericStats income,
    Map<String, Double> categoryShares) {

  public FeatureStats {
    categoryShares = categoryShares == null ? Map.of() : Map.copyOf(categoryShares);
  }

  /** Mean, standard deviation and range of one numeric column. */
  public record NumericStats(double mean, double std, double min, double max) {}
}
