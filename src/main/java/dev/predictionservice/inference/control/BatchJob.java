package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.ScoringEngine;
import java.util.concurrent.locks.LockSupport;

/** One caller's rows waiting in the BatchQueue, and their result once a runner scored them. */
final class BatchJob {

  private final ScoringEngine model;
  private final float[][] rows;
  private final Thread waiter;
  private final long enqueuedNanos = System.nanoTime();
  private volatile float[] result;
  private volatile RuntimeException error;
  private volatile boolean done;
  private volatile boolean cancelled;

  BatchJob(ScoringEngine model, float[][] rows, Thread waiter) {
    this.model = model;
    this.rows = rows;
    this.waiter = waiter;
  }

  ScoringEngine model() {
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
