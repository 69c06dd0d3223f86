package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.ScoringEngine;
import dev.predictionservice.platform.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/** The one way to the model: every endpoint's rows go through this application-wide dynamic batcher. */
@ApplicationScoped
public class InferenceBatcher {

  static final String MAX_ROWS = "inference.batch.max-rows";
  static final String MAX_QUEUED_ROWS = "inference.queue.max-rows";
  static final String MAX_QUEUE_DELAY = "inference.queue.max-delay-ms";
  static final String LINGER = "inference.batch.linger-us";

  @Inject
  @ConfigProperty(name = MAX_ROWS, defaultValue = "64")
  int maxRows;

  @Inject
  @ConfigProperty(name = MAX_QUEUED_ROWS, defaultValue = "8192")
  int maxQueuedRows;

  @Inject
  @ConfigProperty(name = MAX_QUEUE_DELAY, defaultValue = "1000")
  long maxQueueDelayMs;

  @Inject
  @ConfigProperty(name = LINGER, defaultValue = "2000")
  long lingerMicros;

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  private BatchQueue queue;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    queue();
  }

  private synchronized BatchQueue queue() {
    if (queue == null) {
      ConfigValues.requireInRange(MAX_ROWS, maxRows, 1, 100_000);
      ConfigValues.requireInRange(MAX_QUEUED_ROWS, maxQueuedRows, 1, 10_000_000);
      ConfigValues.requireInRange(MAX_QUEUE_DELAY, maxQueueDelayMs, 1, 600_000);
      ConfigValues.requireInRange(LINGER, lingerMicros, 0, 100_000);
      queue = new BatchQueue(maxRows, maxQueuedRows, Duration.ofMillis(maxQueueDelayMs).toNanos(),
          TimeUnit.MICROSECONDS.toNanos(lingerMicros), metrics());
      registry.gauge(Metadata.builder().withName("inference_queue_rows")
          .withDescription("Rows waiting for the model").build(), queue, BatchQueue::queuedRows);
    }
    return queue;
  }

  /**
   * Scores encoded rows with the given model (the caller's, so that the version it reports is the one that computed).
   *
   * @throws BulkheadException when the queue is full or the rows waited too long (answered 503)
   * @throws TimeoutException when the caller was interrupted by its fault-tolerance timeout
   */
  public float[] score(ScoringEngine model, float[][] rows) {
    try {
      return queue().score(model, rows);
    } catch (BatchQueue.QueueFullException e) {
      throw new BulkheadException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("Interrupted while waiting for the model", e);
    }
  }

  private BatchQueue.Listener metrics() {
    Histogram batchRows = registry.histogram(Metadata.builder().withName("inference_batch_rows")
        .withDescription("Rows per model call (dynamic batching)").build());
    Histogram batchJobs = registry.histogram(Metadata.builder().withName("inference_batch_requests")
        .withDescription("Requests per model call (dynamic batching)").build());
    Timer modelCall = registry.timer(Metadata.builder().withName("inference_model_call")
        .withDescription("Time of one DL4J call").withUnit(MetricUnits.SECONDS).build());
    Timer queueTime = registry.timer(Metadata.builder().withName("inference_queue")
        .withDescription("Time a request waited for the model").withUnit(MetricUnits.SECONDS).build());
    return new BatchQueue.Listener() {
      @Override
      public void batchScored(int rows, int jobs, long modelNanos) {
        batchRows.update(rows);
        batchJobs.update(jobs);
        modelCall.update(Duration.ofNanos(modelNanos));
      }

      @Override
      public void jobQueued(long queueNanos) {
        queueTime.update(Duration.ofNanos(queueNanos));
      }
    };
  }
}
