package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.RequestIds;
import dev.predictionservice.platform.StartOrder;
import dev.predictionservice.predictionlog.control.PredictionLog;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's side of shadow scoring: after a call was answered, {@link #offer} hands a share of the calls (chosen
 * by the hash of the request id: the same id is always chosen or never, on every replica, and no shared random
 * generator is touched on the request path) to a bounded queue, which one daemon thread (ShadowWorker) scores with
 * the shadow version. A full queue drops the call and counts it ({@code shadow_dropped_total{reason="queue_full"}}):
 * the caller never waits. Without a shadow, or for a call not chosen, it allocates nothing.
 */
@ApplicationScoped
public class ShadowScoring {

  static final String CAPACITY = "shadow.queue.capacity";

  @Inject Rollouts rollouts;
  @Inject RequestIds requestIds;
  @Inject ShadowMetrics metrics;
  @Inject ModelRegistry registry;
  @Inject PredictionLog predictionLog;

  @Inject
  @ConfigProperty(name = CAPACITY, defaultValue = "1000")
  int capacity;

  volatile ArrayBlockingQueue<ShadowJob> queue;
  private Thread worker;

  /** A bad capacity fails the start naming the key. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ConfigValues.requireInRange(CAPACITY, capacity, 1, 1_000_000);
  }

  /** Starts the worker once the whole start succeeded ({@link StartOrder}). */
  void startBackgroundWork(
      @Observes @Priority(StartOrder.BACKGROUND_WORK) @Initialized(ApplicationScoped.class) Object event) {
    start();
  }

  synchronized void start() {
    if (queue != null) {
      return;
    }
    ConfigValues.requireInRange(CAPACITY, capacity, 1, 1_000_000);
    queue = new ArrayBlockingQueue<>(capacity);
    ShadowWorker scorer = new ShadowWorker(queue, registry::loaded, metrics, (job, scores, nanos) ->
        predictionLog.recordShadow(job.requestId(), job.endpoint(), job.shadowVersion(), job.instances(), scores,
            nanos));
    // A plain daemon thread, like the prediction log's writer: it needs no container context, and one thread bounds
    // the CPU the shadow can take from the callers.
    worker = new Thread(scorer, "shadow-scoring");
    worker.setDaemon(true);
    worker.start();
  }

  @PreDestroy
  synchronized void stop() {
    if (worker != null) {
      worker.interrupt();
    }
  }

  /** Called once per answered call with what was scored; never blocks, never throws for the shadow's sake. */
  public void offer(String endpoint, ModelBundle served, List<? extends LoggedInstance> instances, float[][] rows,
      float[] scores) {
    Rollout shadow = rollouts.shadow();
    ArrayBlockingQueue<ShadowJob> jobs = queue;
    if (shadow == null || jobs == null || shadow.version().equals(served.version())) {
      return;
    }
    String requestId = requestIds.currentOrNone();
    if (!RequestHash.within(requestId, RequestHash.SHADOW, shadow.share())) {
      return;
    }
    if (!jobs.offer(new ShadowJob(requestId, endpoint, served.version(), served.schema(), instances, rows, scores,
        shadow.version()))) {
      metrics.dropped(ShadowMetrics.QUEUE_FULL);
    }
  }

  int queued() {
    return queue == null ? 0 : queue.size();
  }
}
