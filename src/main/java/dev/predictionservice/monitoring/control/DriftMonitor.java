package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.monitoring.entity.DriftReport;
import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.DaemonScheduler;
import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.platform.StartOrder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drift of live traffic against the training data, per loaded version: the scoring use case hands every scored batch
 * to {@link #observe} (a map lookup and a few atomic increments per row); the gauges and {@link #report} compute the
 * PSI when read. Versions are tracked from their first scored row or read, and a sweep every few seconds starts the
 * windows of loaded versions (so their gauges exist before traffic) and drops those of unloaded ones with their gauges.
 * The sweep also follows {@code drift.enabled}, which an admin can change without a restart (a server.xml variable):
 * switched off, every window and gauge goes; switched on again, windows start empty.
 */
@ApplicationScoped
public class DriftMonitor {

  static final String ENABLED = "drift.enabled";
  static final String WINDOW_ROWS = "drift.window.rows";
  static final String SLICES = "drift.window.slices";
  static final String MIN_ROWS = "drift.window.min-rows";
  static final String NO_BINS = "the bundle has no drift bins (trained before bundles carried them); retrain it";
  private static final long SWEEP_SECONDS = 5;
  private static final Logger LOG = RequestLogContext.logger(DriftMonitor.class);

  @Inject ModelRegistry registry;
  @Inject DriftGauges gauges;

  /** Read again at every sweep: a Provider sees a changed server.xml variable (MicroProfile Config looks it up). */
  @Inject @ConfigProperty(name = ENABLED, defaultValue = "true") Provider<Boolean> enabledSetting;
  @Inject @ConfigProperty(name = WINDOW_ROWS, defaultValue = "10000") long windowRows;
  @Inject @ConfigProperty(name = SLICES, defaultValue = "10") int slices;
  @Inject @ConfigProperty(name = MIN_ROWS, defaultValue = "1000") long minRows;

  /** A tracked version: its window, or null and the reason drift is unavailable for it. */
  private record Tracked(DriftWindow window, String reason) {}

  private final Map<String, Tracked> versions = new ConcurrentHashMap<>();
  /** The setting as last followed; read once per scored batch, so a volatile field rather than a config lookup. */
  private volatile boolean enabled;
  private ScheduledExecutorService sweeper;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ConfigValues.requireInRange(WINDOW_ROWS, windowRows, 100, 100_000_000);
    ConfigValues.requireInRange(SLICES, slices, 2, Math.min(1000, windowRows));
    ConfigValues.requireInRange(MIN_ROWS, minRows, 1, windowRows);
    enabled = Boolean.TRUE.equals(enabledSetting.get());
    if (!enabled) {
      LOG.warning(() -> ENABLED + " is false: no drift is measured, GET /models/{version}/drift says so");
    }
  }

  /** Starts the sweep once the whole start succeeded ({@link StartOrder}). */
  void startBackgroundWork(
      @Observes @Priority(StartOrder.BACKGROUND_WORK) @Initialized(ApplicationScoped.class) Object event) {
    // A plain daemon thread, as the registry's poll: the sweep needs no container context.
    sweeper = DaemonScheduler.named("drift-sweep");
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, 1, SWEEP_SECONDS, TimeUnit.SECONDS);
  }

  /** Stops the sweep and drops every gauge, so a redeployed application does not leave suppliers of this one. */
  @PreDestroy
  void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    synchronized (this) {
      versions.keySet().forEach(gauges::remove);
      versions.clear();
    }
  }

  /** Counts scored rows of {@code model}: {@code rows[i]} encoded, {@code scores[i]} its prediction. */
  public void observe(ModelBundle model, float[][] rows, float[] scores) {
    if (!enabled) {
      return;
    }
    DriftWindow window = track(model).window();
    if (window != null) {
      window.record(rows, scores);
    }
  }

  /**
   * The drift of a loaded version now.
   *
   * @throws dev.predictionservice.models.control.ModelNotLoadedException (404) when it is not loaded here
   */
  public DriftReport report(String version) {
    ModelBundle model = registry.require(version);
    if (!enabled) {
      return DriftReport.unavailable(version, ENABLED + " is false on this server");
    }
    Tracked tracked = track(model);
    return tracked.window() == null ? DriftReport.unavailable(version, tracked.reason())
        : new DriftReading(tracked.window()).report(version, tracked.window(), minRows);
  }

  /** Follows {@code drift.enabled}, then starts tracking the loaded versions and stops tracking the others. */
  void sweep() {
    followSetting();
    if (!enabled) {
      return;
    }
    registry.loadedVersions().forEach(v -> registry.loaded(v).ifPresent(this::track));
    synchronized (this) {
      // Asked again per version: one loaded since the list above was read must keep its window.
      versions.keySet().stream().filter(v -> registry.loaded(v).isEmpty()).toList().forEach(v -> {
        versions.remove(v);
        gauges.remove(v);
      });
    }
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The drift sweep failed; it runs again in " + SWEEP_SECONDS + " s", e);
    }
  }

  /** Takes a changed {@code drift.enabled}: switched off, every window and its gauges go at once. */
  synchronized void followSetting() {
    boolean now = Boolean.TRUE.equals(enabledSetting.get());
    if (now == enabled) {
      return;
    }
    enabled = now;
    if (now) {
      LOG.info(() -> ENABLED + " is now true: drift windows start empty with the next scored rows");
    } else {
      versions.keySet().forEach(gauges::remove);
      versions.clear();
      LOG.warning(() -> ENABLED + " is now false: drift windows and their gauges dropped");
    }
  }

  /** The version's tracking: one map read on the request path; the first row of a version starts it. */
  private Tracked track(ModelBundle model) {
    Tracked tracked = versions.get(model.version());
    return tracked != null ? tracked : start(model);
  }

  /** Under this object's lock, like the sweep's removals, so a version's map entry and its gauges change together. */
  private synchronized Tracked start(ModelBundle model) {
    if (!enabled) { // switched off since the caller looked: keep nothing
      return new Tracked(null, ENABLED + " is false on this server");
    }
    return versions.computeIfAbsent(model.version(), version -> {
      DriftReference reference = DriftReference.of(model.metadata());
      if (reference == null) {
        LOG.info(() -> "Model " + version + ": drift unavailable, " + NO_BINS);
        return new Tracked(null, NO_BINS);
      }
      DriftWindow window = new DriftWindow(reference, windowRows, slices);
      gauges.add(version, window, minRows);
      return new Tracked(window, null);
    });
  }
}
