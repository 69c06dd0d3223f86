package dev.predictionservice.predictions.control;

import dev.predictionservice.predictions.entity.VersionStatistics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The counters of one model version, looked up once per request (one map lookup, no label strings built) and read
 * back for the statistics. Every counter is a registered metric, so {@code /metrics} and the statistics agree.
 */
final class VersionCounters {

  private static final Metadata PREDICTIONS =
      Metadata.builder().withName("predictions").withDescription("Instances scored, by model version and endpoint")
          .build();
  private static final Metadata REQUESTS =
      Metadata.builder().withName("inference_requests")
          .withDescription("Scoring requests that reached a model version, by version and outcome (success, fail)")
          .build();
  private static final Metadata PHASE_NANOS =
      Metadata.builder().withName("inference_phase_nanoseconds")
          .withDescription("Total time of scoring requests by version and phase: compute_input (encoding), "
              + "compute_infer (the model), compute_output (handing over to the log) of successful ones; fail (the "
              + "whole request) of failed ones")
          .build();

  private final Counter succeeded;
  private final Counter failed;
  private final Counter failNanos;
  private final Counter inputNanos;
  private final Counter inferNanos;
  private final Counter outputNanos;
  private final Function<String, Counter> instancesByEndpoint;
  private final Map<String, Counter> instances = new ConcurrentHashMap<>();
  private volatile long lastInferenceMillis;

  VersionCounters(MetricRegistry registry, String version) {
    Tag versionTag = new Tag("model_version", version);
    succeeded = registry.counter(REQUESTS, versionTag, new Tag("outcome", "success"));
    failed = registry.counter(REQUESTS, versionTag, new Tag("outcome", "fail"));
    failNanos = registry.counter(PHASE_NANOS, versionTag, new Tag("phase", "fail"));
    inputNanos = registry.counter(PHASE_NANOS, versionTag, new Tag("phase", "compute_input"));
    inferNanos = registry.counter(PHASE_NANOS, versionTag, new Tag("phase", "compute_infer"));
    outputNanos = registry.counter(PHASE_NANOS, versionTag, new Tag("phase", "compute_output"));
    instancesByEndpoint = endpoint -> registry.counter(PREDICTIONS, versionTag, new Tag("endpoint", endpoint));
  }

  void succeeded(String endpoint, int rows, long input, long infer, long output) {
    instances.computeIfAbsent(endpoint, instancesByEndpoint).inc(rows);
    succeeded.inc();
    inputNanos.inc(input);
    inferNanos.inc(infer);
    outputNanos.inc(output);
    lastInferenceMillis = System.currentTimeMillis();
  }

  void failed(long nanos) {
    failed.inc();
    failNanos.inc(nanos);
  }

  VersionStatistics read(String version) {
    long rows = 0;
    for (Counter endpoint : instances.values()) {
      rows += endpoint.getCount();
    }
    // A successful request's time is its three phases: summed here rather than counted a fourth time per request.
    long successNanos = inputNanos.getCount() + inferNanos.getCount() + outputNanos.getCount();
    return new VersionStatistics(version, lastInferenceMillis, rows, succeeded.getCount(), successNanos,
        failed.getCount(), failNanos.getCount(), inputNanos.getCount(), inferNanos.getCount(),
        outputNanos.getCount());
  }
}
