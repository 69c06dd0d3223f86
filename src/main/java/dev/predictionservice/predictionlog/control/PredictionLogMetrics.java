package dev.predictionservice.predictionlog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * The log's counters, exported as prediction_log_{accepted,written,spooled,replayed,dropped}_total (names promised
 * to monitoring: keep them), and its gauges prediction_log_queue_depth, prediction_log_spool_bytes and
 * prediction_log_enabled.
 */
@ApplicationScoped
public class PredictionLogMetrics implements LogEvents {

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  private Counter accepted;
  private Counter written;
  private Counter spooled;
  private Counter replayed;
  private Counter dropped;

  void register(Supplier<Number> queueDepth, Supplier<Number> spoolBytes, Supplier<Number> enabled) {
    accepted = counter("prediction_log_accepted", "Predictions handed to the log");
    written = counter("prediction_log_written", "Predictions written to the database directly");
    spooled = counter("prediction_log_spooled", "Predictions written to the local spool (database unavailable)");
    replayed = counter("prediction_log_replayed", "Spooled predictions replayed into the database");
    dropped = counter("prediction_log_dropped", "Predictions lost because the spool refused them (disk full)");
    registry.gauge(Metadata.builder().withName("prediction_log_queue_depth")
        .withDescription("Predictions waiting in memory for the writer").build(), queueDepth, Supplier::get);
    registry.gauge(Metadata.builder().withName("prediction_log_spool_bytes")
        .withDescription("Bytes in the local spool waiting for replay").build(), spoolBytes, Supplier::get);
    registry.gauge(Metadata.builder().withName("prediction_log_enabled")
        .withDescription("1 while predictions are recorded, 0 while prediction-log.enabled is false").build(),
        enabled, Supplier::get);
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }

  @Override
  public void accepted(int rows) {
    accepted.inc(rows);
  }

  @Override
  public void written(int rows) {
    written.inc(rows);
  }

  @Override
  public void spooled(int rows) {
    spooled.inc(rows);
  }

  @Override
  public void replayed(int rows) {
    replayed.inc(rows);
  }

  @Override
  public void dropped(int rows) {
    dropped.inc(rows);
  }
}
