package dev.predictionservice.monitoring.control;

import dev.predictionservice.monitoring.entity.DriftBin;
import dev.predictionservice.monitoring.entity.DriftFeature;
import dev.predictionservice.monitoring.entity.DriftReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One read of a window: the live share of every bin and the PSI per feature, computed when read (a scrape, the admin
 * endpoint), never on the request path. Each feature's shares are its counts over its own total, so a read that
 * races a row still gives shares that sum to 1.
 */
final class DriftReading {

  private final DriftReference reference;
  private final long rows;
  private final double[][] live;

  DriftReading(DriftWindow window) {
    reference = window.reference();
    long[] counts = window.counts();
    int features = DriftReference.FEATURES.size();
    live = new double[features][];
    long ageRows = 0;
    for (int f = 0; f < features; f++) {
      long total = 0;
      for (int b = 0; b < reference.bins(f); b++) {
        total += counts[reference.offset(f) + b];
      }
      live[f] = new double[reference.bins(f)];
      for (int b = 0; b < live[f].length; b++) {
        live[f][b] = total == 0 ? 0 : (double) counts[reference.offset(f) + b] / total;
      }
      ageRows = f == 0 ? total : ageRows;
    }
    rows = ageRows; // every row is counted in exactly one age bin
  }

  long rows() {
    return rows;
  }

  /** The PSI of {@code feature} (index into DriftReference.FEATURES); NaN below {@code minRows} rows. */
  double psi(int feature, long minRows) {
    return rows < minRows || rows == 0 ? Double.NaN : Psi.of(reference.trainingShares(feature), live[feature]);
  }

  DriftReport report(String version, DriftWindow window, long minRows) {
    List<DriftFeature> features = new ArrayList<>();
    for (int f = 0; f < DriftReference.FEATURES.size(); f++) {
      double[] training = reference.trainingShares(f);
      List<String> labels = reference.labels(f);
      List<DriftBin> bins = new ArrayList<>(training.length);
      for (int b = 0; b < training.length; b++) {
        bins.add(new DriftBin(labels.get(b), training[b], live[f][b]));
      }
      double psi = psi(f, minRows);
      features.add(new DriftFeature(DriftReference.FEATURES.get(f), Double.isNaN(psi) ? null : psi, bins));
    }
    return new DriftReport(version, true, null, window.capacity(), minRows, rows, window.seen(), features);
  }
}
