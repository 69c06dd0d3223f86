package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scores queued calls with the shadow version on its own thread, and reports the agreement and the shadow rows. It
 * wakes once per {@link #GATHER_MILLIS} at most and scores what gathered meanwhile: woken for every call, as it first
 * was, its ~1,300 wake-ups a second at a 10 % shadow preempted request threads on a 2-core machine (bench/README.md).
 * The rows the served version encoded are reused when the shadow version has the same schema; otherwise the
 * instances are encoded for it here, off the caller's path.
 */
final class ShadowWorker implements Runnable {

  /** Where the shadow's scores go: the prediction log, flagged as shadow. */
  interface ShadowLog {
    void record(ShadowJob job, float[] scores, long nanos);
  }

  private static final Logger LOG = RequestLogContext.logger(ShadowWorker.class);

  /** How long the calls after the first one of a quiet spell gather before the worker scores them together. */
  static final long GATHER_MILLIS = 20;

  private final BlockingQueue<ShadowJob> queue;
  private final Function<String, Optional<ModelBundle>> loaded;
  private final ShadowMetrics metrics;
  private final ShadowLog log;

  ShadowWorker(BlockingQueue<ShadowJob> queue, Function<String, Optional<ModelBundle>> loaded, ShadowMetrics metrics,
      ShadowLog log) {
    this.queue = queue;
    this.loaded = loaded;
    this.metrics = metrics;
    this.log = log;
  }

  @Override
  public void run() {
    List<ShadowJob> gathered = new ArrayList<>();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        gathered.add(queue.take());
        Thread.sleep(GATHER_MILLIS);
        queue.drainTo(gathered);
        gathered.forEach(this::score);
        gathered.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down: what is still queued was never promised to anyone
    }
  }

  void score(ShadowJob job) {
    try {
      ModelBundle shadow = loaded.apply(job.shadowVersion()).orElse(null);
      float[][] rows = shadow == null ? null : rows(shadow.schema(), job);
      if (rows == null) {
        metrics.dropped(ShadowMetrics.NOT_SCORABLE);
        return;
      }
      long start = System.nanoTime();
      float[] scores = shadow.predict(rows);
      long nanos = System.nanoTime() - start;
      metrics.agreed(job.servedVersion(), shadow.version(), Agreement.of(job.servedScores(), scores));
      log.record(job, scores, nanos);
    } catch (RuntimeException e) {
      // One bad call must not stop the worker; the caller was answered long ago.
      metrics.dropped(ShadowMetrics.NOT_SCORABLE);
      LOG.log(Level.WARNING, "Shadow scoring with " + job.shadowVersion() + " failed", e);
    }
  }

  /** The rows for the shadow's schema, or null when an instance has a category the shadow version does not know. */
  static float[][] rows(FeatureSchema schema, ShadowJob job) {
    if (schema.equals(job.schema())) {
      return job.rows();
    }
    List<? extends LoggedInstance> instances = job.instances();
    float[][] rows = new float[instances.size()][];
    for (int i = 0; i < rows.length; i++) {
      LoggedInstance in = instances.get(i);
      rows[i] = FeatureEncoder.encode(schema, in.age(), in.income(), in.category());
      if (rows[i] == null) {
        return null;
      }
    }
    return rows;
  }
}
