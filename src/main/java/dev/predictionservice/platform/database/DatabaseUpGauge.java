package dev.predictionservice.platform.database;

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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code database_up}: 1 while the database answers, 0 while it does not, as the last probe found. A background
 * thread probes every {@code db.probe.interval-seconds}: a probe of an unreachable database can take the connect
 * and pool timeouts (seconds), which must never hold up a scrape. Changes are logged, so the log shows when an
 * outage began and ended.
 */
@ApplicationScoped
public class DatabaseUpGauge {

  static final String INTERVAL = "db.probe.interval-seconds";
  private static final Logger LOG = RequestLogContext.logger(DatabaseUpGauge.class);
  private static final Metadata UP = Metadata.builder().withName("database_up")
      .withDescription("1 if the database answered the last probe, else 0").build();

  @Inject Database database;

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  @Inject
  @ConfigProperty(name = INTERVAL, defaultValue = "15")
  long intervalSeconds;

  private volatile boolean up = true;
  private ScheduledExecutorService prober;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ConfigValues.requireInRange(INTERVAL, intervalSeconds, 1, 3600);
    registry.gauge(UP, this::value);
  }

  /** Starts the probe once the whole start succeeded ({@link StartOrder}). */
  void startBackgroundWork(
      @Observes @Priority(StartOrder.BACKGROUND_WORK) @Initialized(ApplicationScoped.class) Object event) {
    prober = DaemonScheduler.named("database-probe");
    prober.scheduleWithFixedDelay(this::probe, 0, intervalSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (prober != null) {
      prober.shutdownNow();
    }
  }

  /** 1 if the last probe reached the database, else 0 (1 before the first probe: start-up just migrated it). */
  int value() {
    return up ? 1 : 0;
  }

  void probe() {
    boolean now = database.isReachable();
    if (now != up) {
      if (now) {
        LOG.info(() -> "Database (" + database.kind() + ") reachable again");
      } else {
        LOG.warning(() -> "Database (" + database.kind() + ") not reachable; predictions go on, the log spools");
      }
    }
    up = now;
  }
}
