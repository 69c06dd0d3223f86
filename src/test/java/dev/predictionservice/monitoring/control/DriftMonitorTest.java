package dev.predictionservice.monitoring.control;

import static dev.predictionservice.monitoring.control.DriftFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.inference.TestNetworks;
import dev.predictionservice.models.control.ModelNotLoadedException;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import dev.predictionservice.monitoring.entity.DriftFeature;
import dev.predictionservice.monitoring.entity.DriftReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Tracking per loaded version, reports, old bundles, the switch and the sweep, with a fake registry and gauges. */
class DriftMonitorTest {

  private final FakeRegistry registry = new FakeRegistry();
  private final FakeGauges gauges = new FakeGauges();
  private final DriftMonitor monitor = monitor(true);

  @Test
  void reportsThePsiOfEveryFeatureOnceTheWindowHoldsEnoughRows() {
    ModelBundle model = registry.add("m-new", true);
    monitor.observe(model, rows(4), new float[4]);
    assertNull(monitor.report("m-new").features().get(0).psi(), "4 rows, min-rows is 5: no PSI yet");

    monitor.observe(model, rows(6), new float[6]);
    DriftReport report = monitor.report("m-new");

    assertTrue(report.available());
    assertEquals(10, report.rows());
    assertEquals(10, report.rowsSeen());
    assertEquals(100, report.windowRows());
    // All ages below 30 against training shares 0.3 / 0.4 / 0.3: 0.7 ln(1 / 0.3) + the two emptied bins
    Map<String, Double> psi = psi(report);
    assertEquals(6.560681, psi.get("age"), 1e-6);
    // All incomes below 1000, all in category A, all predictions below 0.5, each against 0.5 / 0.5
    assertEquals(4.604318, psi.get("income"), 1e-6);
    assertEquals(4.604318, psi.get("category"), 1e-6);
    assertEquals(4.604318, psi.get("prediction"), 1e-6);
    assertEquals("< 30", report.features().get(0).bins().get(0).bin());
    assertEquals(1.0, report.features().get(0).bins().get(0).live());
    assertEquals(0.3, report.features().get(0).bins().get(0).training());
    assertEquals(List.of("add m-new"), gauges.calls);
  }

  @Test
  void aBundleWithoutBinsIsUnavailableNotZeroAndExportsNothing() {
    ModelBundle old = registry.add("m-old", false);
    monitor.observe(old, rows(10), new float[10]);

    DriftReport report = monitor.report("m-old");

    assertFalse(report.available());
    assertEquals(DriftMonitor.NO_BINS, report.reason());
    assertTrue(report.features().isEmpty());
    assertTrue(gauges.calls.isEmpty(), "no gauge series for a version without bins");
  }

  @Test
  void aVersionThatIsNotLoadedIsNotFound() {
    assertThrows(ModelNotLoadedException.class, () -> monitor.report("m-gone"));
  }

  @Test
  void switchedOffItRecordsNothingAndSaysSo() {
    DriftMonitor off = monitor(false);
    ModelBundle model = registry.add("m-new", true);
    off.observe(model, rows(10), new float[10]);

    DriftReport report = off.report("m-new");

    assertFalse(report.available());
    assertTrue(report.reason().contains("drift.enabled"), report.reason());
    assertTrue(gauges.calls.isEmpty());
  }

  @Test
  void switchedOffAtRunTimeItDropsEveryWindowAndSwitchedOnItStartsEmpty() {
    AtomicBoolean setting = new AtomicBoolean(true);
    monitor.enabledSetting = setting::get;
    ModelBundle model = registry.add("m-new", true);
    monitor.observe(model, rows(6), new float[6]);

    setting.set(false);
    monitor.sweep();
    monitor.observe(model, rows(6), new float[6]);
    DriftReport off = monitor.report("m-new");
    setting.set(true);
    monitor.sweep();
    monitor.observe(model, rows(2), new float[2]);
    DriftReport on = monitor.report("m-new");

    assertFalse(off.available());
    assertTrue(off.reason().contains("drift.enabled"), off.reason());
    assertTrue(on.available());
    assertEquals(2, on.rowsSeen(), "the window starts empty: rows seen before or while off do not count");
    assertEquals(List.of("add m-new", "remove m-new", "add m-new"), gauges.calls);
  }

  @Test
  void theSweepTracksLoadedVersionsAndDropsUnloadedOnes() {
    registry.add("m-a", true);
    registry.add("m-b", true);
    monitor.sweep();
    registry.models.remove("m-a");
    monitor.sweep();

    assertEquals(List.of("add m-a", "add m-b", "remove m-a"), gauges.calls);
  }

  @Test
  void stoppingDropsEveryGaugeSoARedeployLeavesNoDeadWindow() {
    monitor.observe(registry.add("m-a", true), rows(1), new float[1]);
    monitor.stop();

    assertEquals(List.of("add m-a", "remove m-a"), gauges.calls);
  }

  private DriftMonitor monitor(boolean enabled) {
    DriftMonitor drift = new DriftMonitor();
    drift.registry = registry;
    drift.gauges = gauges;
    drift.enabledSetting = () -> enabled;
    drift.followSetting();
    drift.windowRows = 100;
    drift.slices = 10;
    drift.minRows = 5;
    return drift;
  }

  private static float[][] rows(int n) {
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = row(20, 10, "A");
    }
    return rows;
  }

  private static Map<String, Double> psi(DriftReport report) {
    Map<String, Double> psi = new LinkedHashMap<>();
    for (DriftFeature feature : report.features()) {
      psi.put(feature.feature(), feature.psi());
    }
    return psi;
  }

  /** The loaded versions, without a database. */
  static final class FakeRegistry extends ModelRegistry {
    final Map<String, ModelBundle> models = new LinkedHashMap<>();

    ModelBundle add(String version, boolean withBins) {
      ModelMetadata base = DriftFixtures.metadata(withBins);
      ModelMetadata metadata = new ModelMetadata(version, base.created(), base.schema(), base.trainingStats(),
          null, 1, Map.of(), "test");
      ModelBundle bundle = new ModelBundle(metadata,
          TestNetworks.dense(1, new int[] {2}, new Activation[] {Activation.RELU}, 1, Activation.SIGMOID),
          TestNetworks.standardizer());
      models.put(version, bundle);
      return bundle;
    }

    @Override
    public Optional<ModelBundle> loaded(String version) {
      return Optional.ofNullable(models.get(version));
    }

    @Override
    public ModelBundle require(String version) {
      return loaded(version).orElseThrow(() -> new ModelNotLoadedException(version, loadedVersions()));
    }

    @Override
    public List<String> loadedVersions() {
      return List.copyOf(models.keySet());
    }
  }

  /** Records which versions got and lost their gauges. */
  static final class FakeGauges extends DriftGauges {
    final List<String> calls = new ArrayList<>();

    @Override
    void add(String version, DriftWindow window, long minRows) {
      calls.add("add " + version);
    }

    @Override
    void remove(String version) {
      calls.add("remove " + version);
    }
  }
}
