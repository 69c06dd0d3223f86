package dev.predictionservice.predictions.control;

import dev.predictionservice.models.entity.ModelBundle;
import java.util.concurrent.locks.LockSupport;

/** One caller's rows waiting in the BatchQueue, and their result once a runner scored them. */
final class BatchJob {

  private final ModelBundle model;
  private final float[][] rows;
  private final Thread waiter;
  private final long enqueuedNanos = System.nanoTime();
  private volatile float[] result;
  private volatile RuntimeException error;
  private volatile boolean done;
  private volatile boolean cancelled;

  BatchJob(ModelBundle model, float[][] rows, Thread waiter) {
    this.model = model;
    this.rows = rows;
    this.waiter = waiter;
  }

  ModelBundle model() {
    return model;
  }

  float[][] rows() {
    return rows;
  }

  int rowCount() {
    return rows.length;
  }

  Thread waiter() {
    return waiter;
  }

  long enqueuedNanos() {
    return enqueuedNanos;
  }

  void complete(float[] scores) {
    result = scores;
    finish();
  }

  void fail(RuntimeException e) {
    error = e;
    finish();
  }

  private void finish() {
    done = true;
    LockSupport.unpark(waiter);
  }

  void cancel() {
    cancelled = true;
  }

  boolean isCancelled() {
    return cancelled;
  }

  boolean isDone() {
    return done;
  }

  float[] result() {
    if (error != null) {
      throw error;
    }
    return result;
  }
}
