package dev.predictionservice.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.RequestEndListener;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The caller's side of the shadow: which calls are queued, and that a full queue drops and counts, never waits. */
class ShadowScoringTest {

  /** The fakes' ids live on this thread as a request's would: end that request after each test. */
  @AfterEach
  void endRequest() {
    new RequestEndListener().requestDestroyed(null);
  }

  private static ModelBundle active;
  private static final List<LoggedInstance> ONE = List.of(new Row(35, 50_000.0, "A"));
  private static final float[][] ROWS = {{35f, 50_000f, 1f, 0f, 0f, 0f}};
  private static final float[] SCORES = {0.5f};

  private final MonitoringFakes.Store store = new MonitoringFakes.Store();
  private final MonitoringFakes.Metrics metrics = new MonitoringFakes.Metrics();

  record Row(Integer age, Double income, String category) implements LoggedInstance {}

  @BeforeAll
  static void bundles() {
    active = MonitoringFakes.bundle("m-active", 1);
  }

  @Test
  void aFullQueueDropsTheCallAndCountsIt() throws Exception {
    store.rows.put(RolloutStore.SHADOW, new Rollout("m-shadow", 1.0));
    ShadowScoring scoring = scoring(2);
    for (String id : List.of("a", "b", "c", "d", "e")) {
      offer(scoring, id);
    }
    assertEquals(2, scoring.queued());
    assertEquals(List.of("queue_full", "queue_full", "queue_full"), metrics.dropped);
  }

  @Test
  void aTenPercentShadowQueuesAboutATenthOfTheCallsAndTheSameIdEveryTime() throws Exception {
    store.rows.put(RolloutStore.SHADOW, new Rollout("m-shadow", 0.1));
    ShadowScoring scoring = scoring(10_000);
    List<String> ids = CanaryRouterTest.ids(5_000, 31);
    for (String id : ids) {
      offer(scoring, id);
    }
    int first = scoring.queued();
    assertTrue(first >= 350 && first <= 650, first + " of 5000");
    ShadowJob job = scoring.queue.peek();
    assertEquals("m-active", job.servedVersion());
    assertEquals("m-shadow", job.shadowVersion());
    assertEquals("single", job.endpoint());
    for (String id : ids) {
      offer(scoring, id);
    }
    assertEquals(2 * first, scoring.queued(), "the same ids were chosen again");
    assertTrue(metrics.dropped.isEmpty());
  }

  @Test
  void withoutAShadowOrWhenTheShadowAnsweredNothingIsQueued() throws Exception {
    ShadowScoring scoring = scoring(10);
    offer(scoring, "a");
    store.rows.put(RolloutStore.SHADOW, new Rollout("m-active", 1.0));
    scoring.rollouts = MonitoringFakes.rollouts(store);
    offer(scoring, "b");
    assertEquals(0, scoring.queued());
  }

  private void offer(ShadowScoring scoring, String requestId) {
    scoring.requestIds = MonitoringFakes.requestIds(requestId);
    scoring.offer("single", active, ONE, ROWS, SCORES);
  }

  private ShadowScoring scoring(int capacity) throws Exception {
    ShadowScoring scoring = new ShadowScoring();
    scoring.rollouts = MonitoringFakes.rollouts(store);
    scoring.metrics = metrics;
    scoring.queue = new ArrayBlockingQueue<>(capacity); // no worker: the queue fills as it would under load
    return scoring;
  }
}
