package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.LoadedVersionState;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The versions served here: the active one (what {@code /predict} scores without a version) and up to
 * {@code models.loaded.max} others loaded beside it, each with its engine, each loaded and checked by ModelLoader.
 * The database holds both the active flag and the loaded set, and {@link #refresh()} (polled by ModelRegistryPoll)
 * follows them, so every replica serves the same versions within seconds. Reads take no lock: a request reads one
 * immutable {@link Served} once and so names the version that computed it. Changes hold this object's lock.
 *
 * <p>Activation and the loaded set: activating a loaded version moves it to active; the version active until then
 * stays loaded if there is room under {@code models.loaded.max}, else it is unloaded. Deleting a loaded version
 * (ModelCatalog) unloads it.
 */
@ApplicationScoped
public class ModelRegistry {

  static final String LOADED_MAX = "models.loaded.max";
  private static final Logger LOG = RequestLogContext.logger(ModelRegistry.class);

  @Inject ModelStore store;
  @Inject ServedModels served;
  @Inject VersionLoads loads;

  @Inject
  @ConfigProperty(name = LOADED_MAX, defaultValue = "3")
  int loadedMax;

  int loadedMax() {
    return loadedMax;
  }

  /** The active model; never null once the application has started. */
  public ModelBundle active() {
    LoadedModel active = served.now().active();
    return active == null ? null : active.bundle();
  }

  /** Whether a model is active (false only while the application is still starting). */
  public boolean hasActiveModel() {
    return served.now().active() != null;
  }

  /** The active version or a loaded one; empty when {@code version} is not loaded here. Lock-free. */
  public Optional<ModelBundle> loaded(String version) {
    return served.now().find(version).map(LoadedModel::bundle);
  }

  /** Like {@link #loaded}, for the request path: a version not loaded here is a 404 that names the loaded ones. */
  public ModelBundle require(String version) {
    return loaded(version).orElseThrow(() -> new ModelNotLoadedException(version, loadedVersions()));
  }

  /** The versions loaded here, the active one first. */
  public List<String> loadedVersions() {
    Served now = served.now();
    return Stream.concat(Optional.ofNullable(now.active()).stream(),
        now.others().values().stream().sorted(Comparator.comparing(LoadedModel::version)))
        .map(LoadedModel::version).toList();
  }

  /** Every registered version, in registration order, with its state here and the memory the loaded ones take. */
  public List<LoadedVersionState> repository() throws SQLException {
    Served now = served.now();
    return store.list().stream().map(v -> now.find(v.version())
        .map(m -> LoadedVersionState.ready(m.version(), m == now.active(), m.memoryBytes()))
        .orElseGet(() -> loads.notLoaded(v.version()))).toList();
  }

  /**
   * Loads {@code version} beside the active one here and, through the table, on every replica. Loading one that is
   * loaded already returns it.
   *
   * @throws ModelConflictException when {@code models.loaded.max} versions are loaded already
   * @throws ModelNotFoundException when the version is not registered
   * @throws ModelBundleFormatException when its bundle fails the check (the failure shows in the index)
   */
  public synchronized ModelBundle load(String version) throws SQLException, IOException {
    Set<String> flagged = store.loadedVersions();
    Optional<LoadedModel> present = served.now().find(version);
    if (present.isPresent() && (present.get() == served.now().active() || flagged.contains(version))) {
      return present.get().bundle();
    }
    flagged.remove(version);
    if (flagged.size() >= loadedMax) {
      throw new ModelConflictException("Model version '" + version + "' cannot be loaded: " + LOADED_MAX + " is "
          + loadedMax + " and the loaded versions are " + String.join(", ", loadedVersions())
          + " (the first is the active one); unload one first");
    }
    LoadedModel model = present.isPresent() ? present.get() : loads.read(version);
    if (!store.markLoaded(version, true)) {
      throw new ModelConflictException("Model version '" + version + "' was deleted or activated meanwhile");
    }
    served.add(model);
    return model.bundle();
  }

  /**
   * Unloads {@code version} here and on every replica, dropping every reference this registry holds to it.
   *
   * @throws ModelConflictException for the active version
   * @throws ModelNotLoadedException when it is not loaded
   */
  public synchronized void unload(String version) throws SQLException {
    LoadedModel active = served.now().active();
    if (active != null && active.version().equals(version)) {
      throw new ModelConflictException(
          "Model version '" + version + "' is the active version; activate another one first");
    }
    if (served.now().find(version).isEmpty() && !store.loadedVersions().contains(version)) {
      throw new ModelNotLoadedException(version, loadedVersions());
    }
    store.markLoaded(version, false);
    loads.forget(version);
    served.drop(version);
  }

  /** A version was deleted from the table: drop it here now (the other replicas drop it at their next poll). */
  synchronized void deleted(String version) {
    loads.forget(version);
    served.drop(version);
  }

  /** Makes {@code version} the active one here and, through the table, on every replica (see the class comment). */
  public synchronized ModelBundle activate(String version) throws SQLException, IOException {
    LoadedModel next = served.now().find(version).orElse(null);
    if (next == null) {
      next = loads.read(version);
    }
    Set<String> others = store.loadedVersions();
    others.remove(version);
    boolean keepPrevious = others.size() < loadedMax;
    if (!store.activate(version, keepPrevious)) {
      throw new ModelNotFoundException(version);
    }
    String previous = served.promote(next);
    if (previous != null && !keepPrevious) {
      served.drop(previous);
    }
    LOG.info(() -> "Model " + version + " activated (was " + previous + (keepPrevious ? ", kept loaded)" : ")"));
    return next.bundle();
  }

  /** Starts serving: the active version must load (a failure fails the start); the loaded set is best effort. */
  synchronized void start(String activeVersion) throws SQLException, IOException {
    served.promote(loads.read(activeVersion));
    follow(store.loadedVersions());
  }

  /**
   * Follows the table: the active version and the loaded set another replica may have changed. An active version
   * that cannot be loaded here is retried with the same back-off as a loaded one; the one served until then stays.
   */
  synchronized void refresh() throws SQLException {
    String wanted = store.activeVersion().orElse(null);
    LoadedModel current = served.now().active();
    if (wanted != null && (current == null || !wanted.equals(current.version())) && loads.mayRetry(wanted)) {
      try {
        LoadedModel next = served.now().find(wanted).orElse(null);
        served.promote(next != null ? next : loads.read(wanted));
        LOG.info(() -> "Model " + wanted + " activated by another replica, now served here");
      } catch (IOException | RuntimeException e) {
        String serving = current == null ? "none" : current.version();
        LOG.warning(() -> "Model " + wanted + " is active on other replicas but cannot be loaded here; still serving "
            + serving + " (next try in " + VersionLoads.RETRY_AFTER_MS / 1000 + " s): " + e.getMessage());
      }
    }
    follow(store.loadedVersions());
  }

  /** Loads what the table flags and is missing here, unloads what it no longer flags; failures are kept. */
  private void follow(Set<String> wanted) {
    served.now().others().keySet().stream().filter(v -> !wanted.contains(v)).toList().forEach(served::drop);
    for (String version : wanted) {
      if (served.now().find(version).isEmpty() && loads.mayRetry(version)) {
        try {
          served.add(loads.read(version));
        } catch (Exception e) {
          LOG.warning(() -> "Model " + version + " is loaded on other replicas but cannot be loaded here (next try in "
              + VersionLoads.RETRY_AFTER_MS / 1000 + " s): " + e.getMessage());
        }
      }
    }
  }
}
