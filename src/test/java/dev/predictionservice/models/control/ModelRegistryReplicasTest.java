package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.control.RegistryFakes.FakeLoader;
import dev.predictionservice.models.control.RegistryFakes.FakeMemoryGauge;
import dev.predictionservice.models.control.RegistryFakes.FakeStore;
import dev.predictionservice.models.entity.LoadedVersionState;
import dev.predictionservice.models.entity.LoadedVersionState.State;
import dev.predictionservice.models.entity.ModelBundle;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas sharing one table converge on the loaded set; activation's effect on it; deleting a loaded one. */
class ModelRegistryReplicasTest {

  private final FakeStore store = new FakeStore().with("a", "b", "c", "bad-d");
  private final FakeLoader loaderOne = new FakeLoader();
  private final FakeLoader loaderTwo = new FakeLoader();
  private final FakeMemoryGauge memoryOne = new FakeMemoryGauge();
  private final FakeMemoryGauge memoryTwo = new FakeMemoryGauge();
  private ModelRegistry one;
  private ModelRegistry two;
  private long now = 1_000_000;

  @BeforeEach
  void start() throws Exception {
    one = RegistryFakes.registry(store, loaderOne, memoryOne, 1);
    two = RegistryFakes.registry(store, loaderTwo, memoryTwo, 1);
    two.loads.clock = () -> now;
    one.start("a");
    two.start("a");
  }

  @Test
  void aReplicaLoadsAndUnloadsWhatAnotherDid() throws Exception {
    one.load("b");
    two.refresh();
    assertEquals("b", two.loaded("b").orElseThrow().version());
    assertTrue(memoryTwo.series.containsKey("b"));

    one.unload("b");
    two.refresh();
    assertTrue(two.loaded("b").isEmpty());
    assertFalse(memoryTwo.series.containsKey("b"));
  }

  @Test
  void aReplicaStartingLoadsTheLoadedSet() throws Exception {
    one.load("b");
    ModelRegistry late = RegistryFakes.registry(store, new FakeLoader(), new FakeMemoryGauge(), 1);

    late.start("a");

    assertEquals(List.of("a", "b"), late.loadedVersions());
  }

  @Test
  void aReplicaThatCannotLoadAVersionKeepsServingAndTheReasonAndTriesAgainOnlyLater() throws Exception {
    store.markLoaded("bad-d", true); // loaded by a replica whose check passed

    two.refresh();
    two.refresh();

    assertEquals("a", two.active().version(), "still serving");
    LoadedVersionState state = two.repository().get(3);
    assertEquals(State.UNAVAILABLE, state.state());
    assertTrue(state.reason().startsWith("load failed: Model bundle 'model version bad-d' is refused"), state.reason());
    assertEquals(1, Collections.frequency(loaderTwo.loads, "bad-d"), "no retry on every poll");

    now += VersionLoads.RETRY_AFTER_MS;
    two.refresh();
    assertEquals(2, Collections.frequency(loaderTwo.loads, "bad-d"), "tried again after the back-off");
  }

  @Test
  void anActiveVersionThatCannotBeLoadedHereLeavesThePreviousOneServingAndIsRetriedLater() throws Exception {
    store.activate("bad-d", false); // activated by a replica whose check passed

    two.refresh();
    two.refresh();

    assertEquals("a", two.active().version());
    assertEquals(1, Collections.frequency(loaderTwo.loads, "bad-d"));
    assertEquals(State.UNAVAILABLE, two.repository().get(3).state());
    now += VersionLoads.RETRY_AFTER_MS;
    two.refresh();
    assertEquals(2, Collections.frequency(loaderTwo.loads, "bad-d"));
  }

  @Test
  void activatingALoadedVersionMovesItAndKeepsThePreviousOneWhenThereIsRoom() throws Exception {
    ModelBundle b = one.load("b");

    one.activate("b");

    assertSame(b, one.active(), "moved, not read again");
    assertEquals(1, Collections.frequency(loaderOne.loads, "b"));
    assertEquals("a", one.loaded("a").orElseThrow().version(), "the previous active one stays loaded");
    assertEquals(Set.of("a"), store.loadedVersions());
    two.refresh();
    assertEquals("b", two.active().version());
    assertEquals(List.of("b", "a"), two.loadedVersions());
    assertEquals(1, Collections.frequency(loaderTwo.loads, "a"), "the other replica keeps its copy too");
  }

  @Test
  void activatingWithoutRoomUnloadsThePreviousOne() throws Exception {
    one.load("b");

    one.activate("c");

    assertEquals("c", one.active().version());
    assertTrue(one.loaded("a").isEmpty(), "no room beside b under models.loaded.max=1");
    assertFalse(memoryOne.series.containsKey("a"));
    assertEquals(Set.of("b"), store.loadedVersions());
    two.refresh();
    assertEquals(List.of("c", "b"), two.loadedVersions());
  }

  @Test
  void deletingALoadedVersionUnloadsItOnEveryReplica() throws Exception {
    ModelCatalog catalog = new ModelCatalog();
    catalog.store = store;
    catalog.registry = one;
    one.load("b");
    two.refresh();

    catalog.delete("b");

    assertTrue(store.find("b").isEmpty());
    assertTrue(one.loaded("b").isEmpty(), "dropped here at once");
    assertFalse(memoryOne.series.containsKey("b"));
    two.refresh();
    assertTrue(two.loaded("b").isEmpty(), "and on the other replica at its next poll");
    assertEquals("Model version 'a' is active; activate another one first",
        assertThrows(ModelConflictException.class, () -> catalog.delete("a")).getMessage());
  }
}
