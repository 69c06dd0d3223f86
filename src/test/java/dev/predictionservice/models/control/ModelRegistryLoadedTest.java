package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.control.RegistryFakes.FakeLoader;
import dev.predictionservice.models.control.RegistryFakes.FakeMemoryGauge;
import dev.predictionservice.models.control.RegistryFakes.FakeStore;
import dev.predictionservice.models.entity.LoadedVersionState;
import dev.predictionservice.models.entity.LoadedVersionState.State;
import dev.predictionservice.models.entity.ModelBundle;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading, unloading and the bound, on one replica. */
class ModelRegistryLoadedTest {

  private final FakeStore store = new FakeStore().with("a", "b", "c", "bad-d");
  private final FakeLoader loader = new FakeLoader();
  private final FakeMemoryGauge memory = new FakeMemoryGauge();
  private ModelRegistry registry;

  @BeforeEach
  void start() throws Exception {
    registry = RegistryFakes.registry(store, loader, memory, 1);
    registry.start("a");
  }

  @Test
  void loadServesTheVersionBesideTheActiveOneAndRecordsItForEveryReplica() throws Exception {
    ModelBundle b = registry.load("b");

    assertEquals("b", b.version());
    assertSame(b, registry.loaded("b").orElseThrow());
    assertEquals("a", registry.active().version(), "the active version does not change");
    assertEquals(Set.of("b"), store.loadedVersions());
    assertEquals(List.of("a", "b"), registry.loadedVersions());
    assertTrue(memory.series.get("b") > 0, "model_loaded_memory_bytes has the version's series");
  }

  @Test
  void loadingALoadedVersionIsANoOp() throws Exception {
    ModelBundle first = registry.load("b");

    assertSame(first, registry.load("b"));
    assertSame(registry.active(), registry.load("a"), "the active one is loaded already");
    assertEquals(List.of("a", "b"), loader.loads, "each bundle read once");
  }

  @Test
  void unloadDropsTheVersionHereAndInTheTable() throws Exception {
    registry.load("b");

    registry.unload("b");

    assertTrue(registry.loaded("b").isEmpty());
    assertEquals(Set.of(), store.loadedVersions());
    assertFalse(memory.series.containsKey("b"), "its gauge series is removed");
    assertEquals(State.UNAVAILABLE, state("b").state());
    assertEquals("not loaded", state("b").reason());
  }

  @Test
  void theBoundRefusesOneMoreAndNamesWhatIsLoaded() throws Exception {
    registry.load("b");

    ModelConflictException e = assertThrows(ModelConflictException.class, () -> registry.load("c"));

    assertEquals("Model version 'c' cannot be loaded: models.loaded.max is 1 and the loaded versions are a, b "
        + "(the first is the active one); unload one first", e.getMessage());
    assertTrue(registry.loaded("c").isEmpty());
  }

  @Test
  void noVersionBesideTheActiveOneWhenTheBoundIsZero() throws Exception {
    registry.loadedMax = 0;

    assertThrows(ModelConflictException.class, () -> registry.load("b"));
  }

  @Test
  void theActiveVersionCannotBeUnloaded() {
    ModelConflictException e = assertThrows(ModelConflictException.class, () -> registry.unload("a"));

    assertEquals("Model version 'a' is the active version; activate another one first", e.getMessage());
    assertEquals("a", registry.active().version());
  }

  @Test
  void unloadingAVersionNotLoadedIsNotFoundAndNamesTheLoadedOnes() throws Exception {
    registry.load("b");

    ModelNotLoadedException e = assertThrows(ModelNotLoadedException.class, () -> registry.unload("c"));

    assertInstanceOf(ModelNotFoundException.class, e, "mapped to 404 like an unknown version");
    assertEquals("Model version 'c' is not loaded; loaded: a, b", e.getMessage());
    assertEquals("c", e.version());
    assertThrows(ModelNotLoadedException.class, () -> registry.require("c"));
  }

  @Test
  void anUnknownVersionIsNotFound() {
    assertThrows(ModelNotFoundException.class, () -> registry.load("zzz"));
  }

  @Test
  void aBundleFailingTheCheckIsRefusedAndTheReasonKept() throws Exception {
    ModelBundleFormatException e = assertThrows(ModelBundleFormatException.class, () -> registry.load("bad-d"));

    assertEquals(Set.of(), store.loadedVersions(), "not recorded: no replica tries it");
    LoadedVersionState state = state("bad-d");
    assertEquals(State.UNAVAILABLE, state.state());
    assertEquals("load failed: " + e.getMessage(), state.reason());
  }

  @Test
  void theRepositoryListsEveryVersionWithItsStateAndMemory() throws Exception {
    registry.load("b");

    List<LoadedVersionState> states = registry.repository();

    assertEquals(List.of("a", "b", "c", "bad-d"), states.stream().map(LoadedVersionState::version).toList());
    assertEquals(State.READY, states.get(0).state());
    assertTrue(states.get(0).active());
    assertTrue(states.get(0).memoryBytes() > 0);
    assertEquals(State.READY, states.get(1).state());
    assertFalse(states.get(1).active());
    assertEquals(memory.series.get("b"), states.get(1).memoryBytes());
    assertEquals(LoadedVersionState.unavailable("c", "not loaded"), states.get(2));
  }

  @Test
  void aLoadInProgressIsLoading() {
    VersionLoads loads = new VersionLoads();
    loads.started("c");
    assertEquals(State.LOADING, loads.notLoaded("c").state());
    loads.succeeded("c");
    assertEquals(State.UNAVAILABLE, loads.notLoaded("c").state());
  }

  private LoadedVersionState state(String version) throws Exception {
    return registry.repository().stream().filter(s -> s.version().equals(version)).findFirst().orElseThrow();
  }
}
