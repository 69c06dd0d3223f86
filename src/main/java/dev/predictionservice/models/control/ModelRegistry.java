package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the active model and swaps it atomically. At start it registers the seed bundle (MODEL_PATH or the packed
 * default) if the database does not know it, activates it if no version is active, and loads the active version:
 * any failure fails the start, so the server never reports started without a model. Then it polls the active
 * version every {@code models.poll-interval-ms}, so replicas sharing one database converge within seconds.
 * A scorer reads {@link #active()} once per request, so each response names the version that computed it.
 */
@ApplicationScoped
public class ModelRegistry {

  static final String POLL_INTERVAL = "models.poll-interval-ms";
  private static final Logger LOG = RequestLogContext.logger(ModelRegistry.class);

  private final AtomicReference<ModelBundle> active = new AtomicReference<>();
  private ScheduledExecutorService poller;

  @Inject ModelStore store;
  @Inject ModelCatalog catalog;
  @Inject ModelLoader loader;

  @Inject ActiveModelGauge gauge;
  @Inject EngineGauge engineGauge;

  @Inject
  @ConfigProperty(name = POLL_INTERVAL, defaultValue = "1000")
  long pollIntervalMs;

  /** Loads the model as soon as the application starts, not on the first request; a failure fails the start. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    load();
  }

  void load() {
    ConfigValues.requireInRange(POLL_INTERVAL, pollIntervalMs, 100, 600_000);
    long start = System.nanoTime();
    try {
      String seed = catalog.registerSeed();
      if (store.activeVersion().isEmpty()) {
        store.activate(seed);
      }
      String version = store.activeVersion().orElseThrow();
      swapIn(read(version));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("The model registry cannot be read: " + e.getMessage(), e);
    }
    LOG.info(() -> String.format("Model %s active (loaded in %d ms)", active.get().version(),
        (System.nanoTime() - start) / 1_000_000));
    // A plain daemon thread: the poll needs no container context (JDBC through the data source works anywhere).
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "model-registry-poll");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(this::pollQuietly, pollIntervalMs, pollIntervalMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  /** Makes {@code version} the active one here and, through the table, on every replica. */
  public synchronized ModelBundle activate(String version) throws SQLException, IOException {
    ModelBundle bundle = read(version);
    if (!store.activate(version)) {
      throw new ModelNotFoundException(version);
    }
    ModelBundle previous = swapIn(bundle);
    LOG.info(() -> "Model " + version + " activated (was " + previous.version() + ")");
    return bundle;
  }

  /** Loads the version flagged active in the database if it is not the one served here. */
  synchronized void refresh() throws SQLException, IOException {
    String wanted = store.activeVersion().orElse(null);
    ModelBundle current = active.get();
    if (wanted != null && (current == null || !wanted.equals(current.version()))) {
      swapIn(read(wanted));
      LOG.info(() -> "Model " + wanted + " activated by another replica, now served here");
    }
  }

  /** Serves {@code bundle} from now on; model_active follows. Returns the one served before. */
  private ModelBundle swapIn(ModelBundle bundle) {
    ModelBundle previous = active.getAndSet(bundle);
    gauge.track(bundle.version(), () -> active().version());
    engineGauge.serving(bundle.engineKind());
    return previous;
  }

  private void pollQuietly() {
    try {
      refresh();
    } catch (Exception e) {
      // A database outage must not stop serving: the current model stays active until the database is back.
      LOG.log(Level.FINE, "Polling the active model version failed", e);
    }
  }

  private ModelBundle read(String version) throws SQLException, IOException {
    byte[] bytes = store.bundle(version).orElseThrow(() -> new ModelNotFoundException(version));
    return loader.load(bytes, "model version " + version);
  }

  /** The active model; never null once the application has started. */
  public ModelBundle active() {
    return active.get();
  }

  /** TEMPORARY until the loaded set lands: the active one only. */
  public java.util.Optional<ModelBundle> loaded(String version) {
    ModelBundle current = active.get();
    return current != null && current.version().equals(version) ? java.util.Optional.of(current)
        : java.util.Optional.empty();
  }

  /** TEMPORARY until the loaded set lands. */
  public java.util.List<String> loadedVersions() {
    ModelBundle current = active.get();
    return current == null ? java.util.List.of() : java.util.List.of(current.version());
  }

  /** Whether a model is active (false only while the application is still starting). */
  public boolean hasActiveModel() {
    return active.get() != null;
  }
}
