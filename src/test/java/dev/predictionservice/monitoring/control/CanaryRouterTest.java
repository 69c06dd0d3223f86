package dev.predictionservice.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.RequestEndListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The canary split: its share over many request ids, one version per id or key, and when it stays off. */
class CanaryRouterTest {

  /** The fakes' ids live on this thread as a request's would: end that request after each test. */
  @AfterEach
  void endRequest() {
    new RequestEndListener().requestDestroyed(null);
  }

  private static ModelBundle active;
  private static ModelBundle candidate;

  private final MonitoringFakes.Store store = new MonitoringFakes.Store();

  @BeforeAll
  static void bundles() {
    active = MonitoringFakes.bundle("m-active", 1);
    candidate = MonitoringFakes.bundle("m-candidate", 2);
  }

  @Test
  void aTwentyPercentCanaryAnswersTwentyPercentOfRandomRequestIdsGiveOrTakeThree() throws Exception {
    store.rows.put(RolloutStore.CANARY, new Rollout("m-candidate", 0.2));
    List<String> ids = ids(5_000, 15);

    long toCandidate = ids.stream().filter(id -> route(id, null) == candidate).count();

    double share = toCandidate / 5_000.0;
    assertTrue(share >= 0.17 && share <= 0.23, "share " + share);
  }

  @Test
  void theSameIdGetsTheSameVersionEveryTimeAndOnAnotherReplica() throws Exception {
    store.rows.put(RolloutStore.CANARY, new Rollout("m-candidate", 0.5));
    Map<String, ModelBundle> first = new HashMap<>();
    for (String id : ids(500, 16)) {
      first.put(id, route(id, null));
    }
    for (Map.Entry<String, ModelBundle> seen : first.entrySet()) {
      assertSame(seen.getValue(), route(seen.getKey(), null), seen.getKey());
    }
    assertTrue(first.containsValue(active) && first.containsValue(candidate), "both sides of the split are used");
  }

  @Test
  void theCanaryKeyWinsOverTheRequestId() throws Exception {
    store.rows.put(RolloutStore.CANARY, new Rollout("m-candidate", 0.5));
    String key = "client-7";
    ModelBundle forKey = route("any", key);
    for (String id : ids(100, 17)) {
      assertSame(forKey, route(id, key), "one key, one version, whatever the request id");
    }
  }

  @Test
  void weightsZeroAndOneTakeNoneAndAll() throws Exception {
    store.rows.put(RolloutStore.CANARY, new Rollout("m-candidate", 0.0));
    assertTrue(ids(300, 18).stream().allMatch(id -> route(id, null) == active));
    store.rows.put(RolloutStore.CANARY, new Rollout("m-candidate", 1.0));
    assertTrue(ids(300, 19).stream().allMatch(id -> route(id, null) == candidate));
  }

  @Test
  void withoutACanaryOrWithACandidateNotLoadedHereTheActiveVersionAnswers() throws Exception {
    assertTrue(ids(100, 20).stream().allMatch(id -> route(id, null) == active));
    store.rows.put(RolloutStore.CANARY, new Rollout("m-elsewhere", 1.0));
    assertTrue(ids(100, 21).stream().allMatch(id -> route(id, null) == active));
  }

  @Test
  void aKeyIsCutAtTheLimitAndAnEmptyOneLeavesTheRequestId() {
    RequestKey key = new RequestKey();
    key.requestIds = MonitoringFakes.requestIds("req-1");
    key.fromCaller("");
    assertEquals("req-1", key.value());
    String longKey = "k".repeat(RequestKey.MAX_LENGTH);
    key.fromCaller(longKey + "tail");
    assertEquals(longKey, key.value());
  }

  /** One request, as a replica sees it: a fresh router reading the store. */
  private ModelBundle route(String requestId, String canaryKey) {
    try {
      CanaryRouter router = new CanaryRouter();
      router.registry = new MonitoringFakes.Registry(active, candidate);
      router.rollouts = MonitoringFakes.rollouts(store);
      router.key = new RequestKey();
      router.key.requestIds = MonitoringFakes.requestIds(requestId);
      router.key.fromCaller(canaryKey);
      return router.route();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> ids(int n, long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
    }
    return ids;
  }
}
