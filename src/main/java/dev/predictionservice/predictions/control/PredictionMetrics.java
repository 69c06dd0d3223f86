package dev.predictionservice.predictions.control;

import dev.predictionservice.predictions.entity.VersionStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * The prediction metrics, and the per-version statistics read back from them. Labels have a fixed, small set of
 * values: the model version (the registered versions), the endpoint kind, the outcome and the phase; never a request
 * value.
 */
@ApplicationScoped
public class PredictionMetrics {

  private static final Metadata INFERENCE =
      Metadata.builder()
          .withName("inference")
          .withDescription("Time to score one request's instances: queue plus model call, a histogram")
          .withUnit(MetricUnits.SECONDS)
          .build();
  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  // Looked up once per version instead of on every request: this is the /predict hot path.
  private final Map<String, VersionCounters> versions = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /** A request scored {@code rows} instances with {@code version}; the phases' times in nanoseconds. */
  public void succeeded(String version, String endpoint, int rows, long inputNanos, long inferNanos,
      long outputNanos) {
    counters(version).succeeded(endpoint, rows, inputNanos, inferNanos, outputNanos);
    Timer timer = timers.get(endpoint);
    if (timer == null) { // a capturing lambda is allocated on each call: made on a miss only, not per request
      timer = timers.computeIfAbsent(endpoint, key -> registry.timer(INFERENCE, new Tag("endpoint", key)));
    }
    timer.update(Duration.ofNanos(inferNanos));
  }

  /** A request reached {@code version} and was refused or failed there after {@code nanos}. */
  public void failed(String version, long nanos) {
    counters(version).failed(nanos);
  }

  /** What {@code version} has done here; empty if it has not been asked for anything yet. */
  public Optional<VersionStatistics> statistics(String version) {
    VersionCounters counters = versions.get(version);
    return Optional.ofNullable(counters == null ? null : counters.read(version));
  }

  private VersionCounters counters(String version) {
    VersionCounters counters = versions.get(version);
    return counters != null ? counters : versions.computeIfAbsent(version, this::register);
  }

  private VersionCounters register(String version) {
    return new VersionCounters(registry, version);
  }
}
