package dev.predictionservice.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.RequestEndListener;
import dev.predictionservice.predictionlog.control.PredictionLog;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shadow worker: scores with the shadow version, reports agreement and log rows, survives what it cannot score. */
class ShadowWorkerTest {

  /** The fakes' ids live on this thread as a request's would: end that request after each test. */
  @AfterEach
  void endRequest() {
    new RequestEndListener().requestDestroyed(null);
  }

  private static ModelBundle served;
  private static ModelBundle shadow;
  private static ModelBundle reordered;
  private static final List<LoggedInstance> INSTANCES =
      List.of(new ShadowScoringTest.Row(35, 50_000.0, "A"), new ShadowScoringTest.Row(62, 120_000.5, "C"));

  private final MonitoringFakes.Metrics metrics = new MonitoringFakes.Metrics();
  private final List<float[]> logged = new ArrayList<>();

  @BeforeAll
  static void bundles() {
    served = MonitoringFakes.bundle("m-served", 1);
    shadow = MonitoringFakes.bundle("m-shadow", 2);
    List<String> categories = new ArrayList<>(served.schema().categories());
    java.util.Collections.reverse(categories);
    reordered = MonitoringFakes.bundle("m-reordered", 2, categories.toArray(String[]::new));
  }

  @Test
  void scoresTheServedRowsWithTheShadowAndReportsTheirAgreement() {
    ShadowJob job = job("m-shadow");
    worker(Map.of("m-shadow", shadow)).score(job);

    float[] expected = shadow.predict(job.rows());
    assertEquals(List.of("m-served m-shadow " + Agreement.of(job.servedScores(), expected)), metrics.agreed);
    assertEquals(1, logged.size());
    assertArrayEquals(expected, logged.get(0), "the shadow's own scores go to the log");
  }

  @Test
  void aShadowWithAnotherSchemaGetsTheInstancesEncodedForIt() {
    ShadowJob job = job("m-reordered");
    float[][] rows = ShadowWorker.rows(reordered.schema(), job);
    assertArrayEquals(FeatureEncoder.encode(reordered.schema(), 35, 50_000.0, "A"), rows[0]);
    assertSame(job.rows(), ShadowWorker.rows(served.schema(), job), "the same schema reuses the caller's rows");

    worker(Map.of("m-reordered", reordered)).score(job);
    assertEquals(1, metrics.agreed.size());
  }

  @Test
  void aShadowNotLoadedOrWithoutTheCategoryIsCountedNotScorable() {
    worker(Map.of()).score(job("m-shadow"));
    ModelBundle fewer = MonitoringFakes.bundle("m-fewer", 3, "B", "C", "D", "E");
    worker(Map.of("m-fewer", fewer)).score(job("m-fewer"));

    assertEquals(List.of("not_scorable", "not_scorable"), metrics.dropped);
    assertTrue(metrics.agreed.isEmpty() && logged.isEmpty());
  }

  @Test
  void theApplicationsWorkerThreadScoresWhatTheCallersQueue() throws Exception {
    MonitoringFakes.Store store = new MonitoringFakes.Store();
    store.rows.put(RolloutStore.SHADOW, new Rollout("m-shadow", 1.0));
    ShadowScoring scoring = new ShadowScoring();
    scoring.rollouts = MonitoringFakes.rollouts(store);
    scoring.metrics = metrics;
    scoring.registry = new MonitoringFakes.Registry(served, shadow);
    scoring.predictionLog = new PredictionLog(); // not started: takes and drops the rows
    scoring.capacity = 4;
    scoring.requestIds = MonitoringFakes.requestIds("req-1");
    scoring.start();
    try {
      scoring.offer("single", served, INSTANCES, job("m-shadow").rows(), new float[] {0.5f, 0.5f});
      long deadline = System.currentTimeMillis() + 10_000;
      while (metrics.agreed.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, metrics.agreed.size());
    } finally {
      scoring.stop();
    }
  }

  @Test
  void aQueueCapacityOutOfRangeFailsTheStartNamingTheKey() {
    ShadowScoring scoring = new ShadowScoring();
    scoring.capacity = 0;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, scoring::start);
    assertTrue(e.getMessage().contains(ShadowScoring.CAPACITY), e.getMessage());
  }

  private ShadowWorker worker(Map<String, ModelBundle> loaded) {
    return new ShadowWorker(new LinkedBlockingQueue<>(), v -> Optional.ofNullable(loaded.get(v)), metrics,
        (job, scores, nanos) -> logged.add(scores));
  }

  private static ShadowJob job(String shadowVersion) {
    float[][] rows = new float[INSTANCES.size()][];
    for (int i = 0; i < rows.length; i++) {
      LoggedInstance in = INSTANCES.get(i);
      rows[i] = FeatureEncoder.encode(served.schema(), in.age(), in.income(), in.category());
    }
    return new ShadowJob("req-1", "batch", served.version(), served.schema(), INSTANCES, rows, served.predict(rows),
        shadowVersion);
  }
}
