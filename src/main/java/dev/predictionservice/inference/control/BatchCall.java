package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.ScoringEngine;
import java.util.List;

/** One DL4J call for several callers' jobs: their rows joined in queue order, the scores split back to each. */
final class BatchCall {

  private BatchCall() {}

  /** Scores the jobs (all for one model); every job ends completed or failed, whatever throws: its caller waits. */
  static void score(List<BatchJob> batch, BatchQueue.Listener listener) {
    try {
      ScoringEngine model = batch.get(0).model();
      int total = batch.stream().mapToInt(BatchJob::rowCount).sum();
      float[][] rows = new float[total][];
      int at = 0;
      for (BatchJob job : batch) {
        System.arraycopy(job.rows(), 0, rows, at, job.rowCount());
        at += job.rowCount();
      }
      long start = System.nanoTime();
      float[] scores = model.score(rows);
      long modelNanos = System.nanoTime() - start;
      at = 0;
      for (BatchJob job : batch) {
        float[] own = new float[job.rowCount()];
        System.arraycopy(scores, at, own, 0, own.length);
        at += own.length;
        job.complete(own);
        listener.jobQueued(start - job.enqueuedNanos());
      }
      listener.batchScored(total, batch.size(), modelNanos);
    } catch (RuntimeException e) {
      batch.stream().filter(job -> !job.isDone()).forEach(job -> job.fail(e));
    }
  }
}
