package dev.predictionservice.monitoring.entity;

import java.util.List;

/**
 * {@code GET /models/{version}/drift}: the live window of one loaded version against its training data. When drift
 * cannot be computed ({@code available} false: a bundle from before drift bins, or drift switched off) {@code reason}
 * says why and there are no features: unavailable is not the same as no drift.
 *
 * @param windowRows the most rows the window holds ({@code drift.window.rows})
 * @param minRows the rows the window needs before a PSI is reported ({@code drift.window.min-rows})
 * @param rows the rows in the window now
 * @param rowsSeen the rows this version scored here since it was loaded (drift counted)
 */
public record DriftReport(String version, boolean available, String reason, long windowRows, long minRows, long rows,
    long rowsSeen, List<DriftFeature> features) {

  public DriftReport {
    features = features == null ? List.of() : List.copyOf(features);
  }

  public static DriftReport unavailable(String version, String reason) {
    return new DriftReport(version, false, reason, 0, 0, 0, 0, List.of());
  }
}
