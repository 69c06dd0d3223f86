package dev.predictionservice.monitoring.entity;

import java.util.List;

/**
 * The drift of one feature (or of the prediction): its population stability index against the training data, null
 * while the window holds fewer rows than {@code drift.window.min-rows}, and the bins it was computed from.
 */
public record DriftFeature(String feature, Double psi, List<DriftBin> bins) {

  public DriftFeature {
    bins = bins == null ? List.of() : List.copyOf(bins);
  }
}
