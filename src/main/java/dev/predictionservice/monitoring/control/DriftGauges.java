package dev.predictionservice.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code model_drift_psi{model_version,feature}} and {@code model_drift_window_rows{model_version}}, for each loaded
 * version whose bundle has drift bins. The labels take the loaded versions and the four fixed feature names, never a
 * request value. The PSI is computed when scraped. It is NaN while the window holds fewer than
 * {@code drift.window.min-rows} rows: the series exists (dashboards and the metric check find it) but compares false
 * with any threshold, so a quiet replica cannot fire the alert on a handful of rows. A version without drift bins has
 * no series at all, like a version that is not loaded: Prometheus users read absence as "not measured", not as 0.
 */
@ApplicationScoped
public class DriftGauges {

  static final String PSI = "model_drift_psi";
  static final String ROWS = "model_drift_window_rows";
  private static final Metadata PSI_METADATA = Metadata.builder().withName(PSI)
      .withDescription("Population stability index of the live window against the training data, by loaded version "
          + "and feature (age, income, category, prediction); NaN until the window holds drift.window.min-rows rows")
      .build();
  private static final Metadata ROWS_METADATA = Metadata.builder().withName(ROWS)
      .withDescription("Rows in the drift window of a loaded version (at most drift.window.rows)").build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  /**
   * Registers the gauges of {@code version}'s window. Any left from before are removed first: the registry returns an
   * existing gauge instead of registering the new one, and a redeployed application (or a version loaded again)
   * would otherwise export a dead window forever.
   */
  void add(String version, DriftWindow window, long minRows) {
    remove(version);
    for (int f = 0; f < DriftReference.FEATURES.size(); f++) {
      int feature = f;
      registry.gauge(PSI_METADATA, () -> new DriftReading(window).psi(feature, minRows), psiTags(version, f));
    }
    registry.gauge(ROWS_METADATA, () -> new DriftReading(window).rows(), versionTag(version));
  }

  void remove(String version) {
    for (int f = 0; f < DriftReference.FEATURES.size(); f++) {
      registry.remove(new MetricID(PSI, psiTags(version, f)));
    }
    registry.remove(new MetricID(ROWS, versionTag(version)));
  }

  private static Tag[] psiTags(String version, int feature) {
    return new Tag[] {versionTag(version), new Tag("feature", DriftReference.FEATURES.get(feature))};
  }

  private static Tag versionTag(String version) {
    return new Tag("model_version", version);
  }
}
