package dev.predictionservice.inference.entity;

/** Scores encoded rows (see FeatureEncoder): the probability of the positive class per row. Thread-safe. */
public interface ScoringEngine {

  /** One score per row, in order. */
  float[] score(float[][] rows);

  /** One row's score. */
  default float score(float[] row) {
    return score(new float[][] {row})[0];
  }

  /** What computes the scores, for metadata, logs and metrics: {@code java} or {@code dl4j}. */
  String kind();
}
