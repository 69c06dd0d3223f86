package dev.predictionservice.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * The shadow's metrics. Agreement per pair of loaded versions ({@code model_version} served the caller,
 * {@code shadow_version} scored in the background): rows compared, the running sum of absolute differences (a gauge
 * that only grows: MP counters take whole numbers) and decision flips at 0.5. Drops by a fixed reason. Updated on
 * the shadow worker's thread, except a drop for a full queue, which the caller's thread counts.
 */
@ApplicationScoped
public class ShadowMetrics {

  static final String QUEUE_FULL = "queue_full";
  static final String NOT_SCORABLE = "not_scorable";

  private static final Metadata ROWS = Metadata.builder().withName("shadow_predictions")
      .withDescription("Rows a shadow version scored beside the version that answered, by version pair").build();
  private static final Metadata DIFFERENCE = Metadata.builder().withName("shadow_absolute_difference_sum")
      .withDescription("Sum of |served - shadow| over those rows, by version pair; the mean is its rate over the rows'")
      .build();
  private static final Metadata FLIPS = Metadata.builder().withName("shadow_decision_flips")
      .withDescription("Rows whose decision at 0.5 differs between the served and the shadow version").build();
  private static final Metadata DROPPED = Metadata.builder().withName("shadow_dropped")
      .withDescription("Calls not shadowed: queue_full (the caller was not slowed) or not_scorable (the shadow "
          + "version is not loaded here or cannot encode the rows)").build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  private record Pair(Counter rows, DoubleAdder difference, Counter flips) {}

  private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
  private final Map<String, Counter> drops = new ConcurrentHashMap<>();

  void agreed(String servedVersion, String shadowVersion, Agreement agreement) {
    Pair pair = pairs.computeIfAbsent(servedVersion + ' ' + shadowVersion, key -> register(servedVersion,
        shadowVersion));
    pair.rows().inc(agreement.rows());
    pair.difference().add(agreement.absoluteDifference());
    pair.flips().inc(agreement.flips());
  }

  void dropped(String reason) {
    drops.computeIfAbsent(reason, key -> registry.counter(DROPPED, new Tag("reason", key))).inc();
  }

  private Pair register(String servedVersion, String shadowVersion) {
    Tag[] tags = {new Tag("model_version", servedVersion), new Tag("shadow_version", shadowVersion)};
    DoubleAdder difference = new DoubleAdder();
    registry.gauge(DIFFERENCE, difference, DoubleAdder::sum, tags);
    return new Pair(registry.counter(ROWS, tags), difference, registry.counter(FLIPS, tags));
  }
}
