package dev.predictionservice.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.predictionservice.models.control.ModelConflictException;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.monitoring.entity.CanarySetting;
import dev.predictionservice.monitoring.entity.ShadowSetting;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin side: what is loaded and stored, the order of a promote, and the refusals. */
class RolloutAdminTest {

  private static ModelBundle active;
  private static ModelBundle candidate;

  private final MonitoringFakes.Store store = new MonitoringFakes.Store();
  private final RolloutAdmin admin = new RolloutAdmin();

  @BeforeAll
  static void bundles() {
    active = MonitoringFakes.bundle("m-active", 1);
    candidate = MonitoringFakes.bundle("m-candidate", 2);
  }

  @BeforeEach
  void wire() throws Exception {
    admin.store = store;
    admin.rollouts = MonitoringFakes.rollouts(store);
    admin.registry = new MonitoringFakes.Registry(active, candidate) {
      @Override
      public ModelBundle load(String version) {
        store.events.add("load " + version);
        return loaded.get(version);
      }

      @Override
      public ModelBundle activate(String version) {
        store.events.add("activate " + version);
        return loaded.get(version);
      }
    };
  }

  @Test
  void aCanaryIsLoadedThenStoredAndFollowedHereAtOnce() throws Exception {
    admin.setCanary(new CanarySetting("m-candidate", 0.2));

    assertEquals(List.of("load m-candidate", "put canary m-candidate"), store.events);
    assertEquals(new Rollout("m-candidate", 0.2), admin.rollouts.canary());
    assertEquals(new CanarySetting("m-candidate", 0.2), admin.canary());
  }

  @Test
  void promoteActivatesTheCandidateBeforeClearingTheSplit() throws Exception {
    admin.setCanary(new CanarySetting("m-candidate", 0.2));
    store.events.clear();

    assertEquals("m-candidate", admin.promote());
    assertEquals(List.of("activate m-candidate", "clear canary"), store.events,
        "a replica polling in between sends everything to the candidate, never back");
    assertNull(admin.rollouts.canary());
  }

  @Test
  void theActiveVersionCannotBeTheCandidateOrTheShadowAndNothingSetIsNotFound() {
    assertThrows(ModelConflictException.class, () -> admin.setCanary(new CanarySetting("m-active", 0.2)));
    assertThrows(ModelConflictException.class, () -> admin.setShadow(new ShadowSetting("m-active", 0.1)));
    assertThrows(NoRolloutException.class, admin::promote);
    assertThrows(NoRolloutException.class, admin::shadow);
    assertEquals(List.of(), store.events, "a refusal changes nothing");
  }

  @Test
  void aShadowIsSetAndClearedIdempotently() throws Exception {
    admin.setShadow(new ShadowSetting("m-candidate", 0.1));
    assertEquals(new ShadowSetting("m-candidate", 0.1), admin.shadow());
    admin.clear(false);
    admin.clear(false);
    assertNull(admin.rollouts.shadow());
    assertEquals(List.of("load m-candidate", "put shadow m-candidate", "clear shadow", "clear shadow"), store.events);
  }
}
