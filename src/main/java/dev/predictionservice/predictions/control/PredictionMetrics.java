package dev.predictionservice.predictions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * The prediction metrics. Labels have a fixed, small set of values: the model version (a handful of registered
 * versions) and the endpoint kind; never a request value.
 */
@ApplicationScoped
public class PredictionMetrics {

  private static final Metadata PREDICTIONS =
      Metadata.builder().withName("predictions").withDescription("Instances scored, by model version and endpoint")
          .build();
  private static final Metadata INFERENCE =
      Metadata.builder()
          .withName("inference")
          .withDescription("Time to score one request's instances: queue plus model call, a histogram")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  // Looked up once per (version, endpoint) instead of on every request: this is the /predict hot path.
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public void recordPredictions(String modelVersion, String endpoint, int count, Duration inferenceTime) {
    counters
        .computeIfAbsent(modelVersion + '\n' + endpoint, key -> registry.counter(PREDICTIONS,
            new Tag("model_version", modelVersion), new Tag("endpoint", endpoint)))
        .inc(count);
    timers.computeIfAbsent(endpoint, key -> registry.timer(INFERENCE, new Tag("endpoint", endpoint)))
        .update(inferenceTime);
  }
}
