package dev.predictionservice.models.control;

import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.DaemonScheduler;
import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.platform.StartOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the registry and keeps it in step with the database. At start it registers the seed bundle (MODEL_PATH or
 * the packed default) if the database does not know it, activates it if no version is active, and loads the active
 * version: any failure fails the start, so the server never reports started without a model. The versions flagged
 * loaded are loaded too, best effort (one that fails is reported in the repository index, not fatal). Then it polls
 * every {@code models.poll-interval-ms}, so replicas sharing one database converge within seconds; each poll ends
 * with a {@link ModelsPolled} event for the settings other components keep beside the active flag.
 */
@ApplicationScoped
public class ModelRegistryPoll {

  static final String POLL_INTERVAL = "models.poll-interval-ms";
  private static final Logger LOG = RequestLogContext.logger(ModelRegistryPoll.class);

  @Inject ModelRegistry registry;
  @Inject ModelStore store;
  @Inject ModelCatalog catalog;
  @Inject Event<ModelsPolled> polled;

  @Inject
  @ConfigProperty(name = POLL_INTERVAL, defaultValue = "1000")
  long pollIntervalMs;

  private ScheduledExecutorService poller;

  /** Loads the model as soon as the application starts, not on the first request; a failure fails the start. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ConfigValues.requireInRange(POLL_INTERVAL, pollIntervalMs, 100, 600_000);
    ConfigValues.requireInRange(ModelRegistry.LOADED_MAX, registry.loadedMax(), 0, 20);
    long start = System.nanoTime();
    try {
      String seed = catalog.registerSeed();
      if (store.activeVersion().isEmpty()) {
        store.activate(seed);
      }
      registry.start(store.activeVersion().orElseThrow());
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("The model registry cannot be read: " + e.getMessage(), e);
    }
    LOG.info(() -> String.format("Model %s active (loaded in %d ms), loaded here: %s", registry.active().version(),
        (System.nanoTime() - start) / 1_000_000, registry.loadedVersions()));
    polled.fire(new ModelsPolled());
  }

  /** Starts the poll once the whole start succeeded ({@link StartOrder}). */
  void startBackgroundWork(
      @Observes @Priority(StartOrder.BACKGROUND_WORK) @Initialized(ApplicationScoped.class) Object event) {
    // A plain daemon thread: the poll needs no container context (JDBC through the data source works anywhere).
    poller = DaemonScheduler.named("model-registry-poll");
    poller.scheduleWithFixedDelay(this::pollQuietly, pollIntervalMs, pollIntervalMs, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void pollQuietly() {
    try {
      registry.refresh();
      polled.fire(new ModelsPolled());
    } catch (Exception e) {
      // A database outage must not stop serving: the current models stay loaded until the database is back.
      LOG.log(Level.FINE, "Polling the model versions failed", e);
    }
  }
}
