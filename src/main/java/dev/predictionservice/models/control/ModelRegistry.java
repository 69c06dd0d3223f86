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
import java.util.function.LongSupplier;
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

  private volatile Served served = Served.NONE;
  final LoadAttempts attempts = new LoadAttempts();
  LongSupplier clock = System::currentTimeMillis;

  @Inject ModelStore store;
  @Inject ModelLoader loader;
  @Inject ActiveModelGauge gauge;
  @Inject EngineGauge engineGauge;
  @Inject LoadedMemoryGauge memoryGauge;

  @Inject
  @ConfigProperty(name = LOADED_MAX, defaultValue = "3")
  int loadedMax;

  int loadedMax() {
    return loadedMax;
  }

  /** The active model; never null once the application has started. */
  public ModelBundle active() {
    LoadedModel active = served.active();
    return active == null ? null : active.bundle();
  }

  /** Whether a model is active (false only while the application is still starting). */
  public boolean hasActiveModel() {
    return served.active() != null;
  }

  /** The active version or a loaded one; empty when {@code version} is not loaded here. Lock-free. */
  public Optional<ModelBundle> loaded(String version) {
    return served.find(version).map(LoadedModel::bundle);
  }

  /** Like {@link #loaded}, for the request path: a version not loaded here is a 404 that names the loaded ones. */
  public ModelBundle require(String version) {
    return loaded(version).orElseThrow(() -> new ModelNotLoadedException(version, loadedVersions()));
  }

  /** The versions loaded here, the active one first. */
  public List<String> loadedVersions() {
    Served now = served;
    return Stream.concat(Optional.ofNullable(now.active()).stream(),
        now.others().values().stream().sorted(Comparator.comparing(LoadedModel::version)))
        .map(LoadedModel::version).toList();
  }

  /** Every registered version, in registration order, with its state here and the memory the loaded ones take. */
  public List<LoadedVersionState> repository() throws SQLException {
    Served now = served;
    return store.list().stream().map(v -> now.find(v.version())
        .map(m -> LoadedVersionState.ready(m.version(), m == now.active(), m.memoryBytes()))
        .orElseGet(() -> attempts.notLoaded(v.version()))).toList();
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
    Optional<LoadedModel> present = served.find(version);
    if (present.isPresent() && (present.get() == served.active() || flagged.contains(version))) {
      return present.get().bundle();
    }
    flagged.remove(version);
    if (flagged.size() >= loadedMax) {
      throw new ModelConflictException("Model version '" + version + "' cannot be loaded: " + flagged.size()
          + " versions are loaded beside the active one " + loadedVersions() + ", the most " + LOADED_MAX
          + " (" + loadedMax + ") allows; unload one first");
    }
    LoadedModel model = present.isPresent() ? present.get() : read(version);
    if (!store.markLoaded(version, true)) {
      throw new ModelConflictException("Model version '" + version + "' was deleted or activated meanwhile");
    }
    add(model);
    return model.bundle();
  }

  /**
   * Unloads {@code version} here and on every replica, dropping every reference this registry holds to it.
   *
   * @throws ModelConflictException for the active version
   * @throws ModelNotLoadedException when it is not loaded
   */
  public synchronized void unload(String version) throws SQLException {
    if (served.active() != null && served.active().version().equals(version)) {
      throw new ModelConflictException(
          "Model version '" + version + "' is the active version; activate another one first");
    }
    if (served.find(version).isEmpty() && !store.loadedVersions().contains(version)) {
      throw new ModelNotLoadedException(version, loadedVersions());
    }
    store.markLoaded(version, false);
    attempts.forget(version);
    drop(version);
  }

  /** A version was deleted from the table: drop it here now (the other replicas drop it at their next poll). */
  synchronized void deleted(String version) {
    attempts.forget(version);
    drop(version);
  }

  /** Makes {@code version} the active one here and, through the table, on every replica (see the class comment). */
  public synchronized ModelBundle activate(String version) throws SQLException, IOException {
    LoadedModel next = served.find(version).orElse(null);
    if (next == null) {
      next = read(version);
    }
    Set<String> others = store.loadedVersions();
    others.remove(version);
    boolean keepPrevious = others.size() < loadedMax;
    if (!store.activate(version, keepPrevious)) {
      throw new ModelNotFoundException(version);
    }
    String previous = promote(next);
    if (previous != null && !keepPrevious) {
      drop(previous);
    }
    LOG.info(() -> "Model " + version + " activated (was " + previous + (keepPrevious ? ", kept loaded)" : ")"));
    return next.bundle();
  }

  /** Starts serving: the active version must load (a failure fails the start); the loaded set is best effort. */
  synchronized void start(String activeVersion) throws SQLException, IOException {
    promote(read(activeVersion));
    follow(store.loadedVersions());
  }

  /** Follows the table: the active version and the loaded set another replica may have changed. */
  synchronized void refresh() throws SQLException, IOException {
    String wanted = store.activeVersion().orElse(null);
    LoadedModel current = served.active();
    if (wanted != null && (current == null || !wanted.equals(current.version()))) {
      LoadedModel next = served.find(wanted).orElse(null);
      promote(next != null ? next : read(wanted));
      LOG.info(() -> "Model " + wanted + " activated by another replica, now served here");
    }
    follow(store.loadedVersions());
  }

  /** Loads what the table flags and is missing here, unloads what it no longer flags; failures are kept. */
  private void follow(Set<String> wanted) {
    served.others().keySet().stream().filter(v -> !wanted.contains(v)).toList().forEach(this::drop);
    for (String version : wanted) {
      if (served.find(version).isEmpty() && attempts.mayRetry(version, clock.getAsLong())) {
        try {
          add(read(version));
        } catch (Exception e) {
          LOG.warning(() -> "Model " + version + " is loaded on other replicas but cannot be loaded here (next try in "
              + LoadAttempts.RETRY_AFTER_MS / 1000 + " s): " + e.getMessage());
        }
      }
    }
  }

  /** Serves {@code next} as the active version; returns the version active until now, which stays loaded. */
  private String promote(LoadedModel next) {
    LoadedModel previous = served.active();
    served = served.activate(next);
    gauge.track(next.version(), () -> active().version());
    engineGauge.serving(next.bundle().engineKind());
    memoryGauge.loaded(next.version(), next.memoryBytes());
    return previous == null || previous.version().equals(next.version()) ? null : previous.version();
  }

  private void add(LoadedModel model) {
    served = served.with(model);
    memoryGauge.loaded(model.version(), model.memoryBytes());
  }

  private void drop(String version) {
    served.find(version).filter(m -> m != served.active()).ifPresent(m -> {
      served = served.without(version);
      memoryGauge.unloaded(version);
      LOG.info(() -> "Model " + version + " unloaded, freeing about " + m.memoryBytes() + " bytes");
    });
  }

  /** Reads and checks a version's bundle, recording the attempt for the index. */
  private LoadedModel read(String version) throws SQLException, IOException {
    byte[] bytes = store.bundle(version).orElseThrow(() -> new ModelNotFoundException(version));
    attempts.started(version);
    try {
      LoadedModel model = LoadedModel.of(loader.load(bytes, "model version " + version));
      attempts.succeeded(version);
      LOG.info(() -> "Model " + version + " loaded (" + model.bundle().engineKind() + " engine, about "
          + model.memoryBytes() + " bytes)");
      return model;
    } catch (IOException | RuntimeException e) {
      attempts.failed(version, e, clock.getAsLong());
      throw e;
    }
  }
}
