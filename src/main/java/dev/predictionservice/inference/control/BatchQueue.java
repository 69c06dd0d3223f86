package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.ScoringEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Dynamic batching without a batching thread. A caller that finds the model idle becomes the runner and scores its
 * own rows at once, together with whatever other callers queued meanwhile (up to {@code maxRows}). Callers that find
 * the model busy queue and park. A runner whose own rows are done keeps scoring what has queued since, for up to
 * {@link #DRAIN_NANOS}, and then wakes the oldest waiter to take over. So an idle server adds no wait, and a busy one
 * turns many tiny DL4J calls (150-400 us each, whatever their size) into few without a thread hand-over (which, on a
 * saturated CPU, leaves the model idle until the woken thread gets a core) after every call.
 * Plain Java on purpose: it holds no CDI or MicroProfile state, so it is unit-tested directly.
 */
public final class BatchQueue {

  /** How long a runner whose own rows are done keeps draining the queue: bounds what it adds to its own latency. */
  static final long DRAIN_NANOS = 2_000_000L;

  /** What a batch reports to metrics. */
  public interface Listener {
    void batchScored(int rows, int jobs, long modelNanos);

    void jobQueued(long queueNanos);
  }

  private final ConcurrentLinkedQueue<BatchJob> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicInteger queuedRows = new AtomicInteger();
  private final int maxRows;
  private final int maxQueuedRows;
  private final long maxQueueNanos;
  private final long lingerNanos;
  private final Listener listener;
  private volatile Thread runner;
  private volatile long lastArrivalNanos;

  /**
   * @param lingerNanos how long a runner may wait for a batch to fill, when others are already waiting; 0 never waits
   */
  public BatchQueue(int maxRows, int maxQueuedRows, long maxQueueNanos, long lingerNanos, Listener listener) {
    this.maxRows = maxRows;
    this.maxQueuedRows = maxQueuedRows;
    this.maxQueueNanos = maxQueueNanos;
    this.lingerNanos = lingerNanos;
    this.listener = listener;
  }

  /**
   * Scores rows with {@code model}, batched with other callers' rows.
   *
   * @throws QueueFullException when more rows wait than the queue holds, or these waited too long
   * @throws InterruptedException when the caller was interrupted (a timeout); its rows are then skipped
   */
  public float[] score(ScoringEngine model, float[][] rows) throws InterruptedException {
    int queued = queuedRows.addAndGet(rows.length);
    // An oversized request is still served when nothing else waits; otherwise a full queue refuses at once.
    if (queued > maxQueuedRows && queued != rows.length) {
      queuedRows.addAndGet(-rows.length);
      throw new QueueFullException("The inference queue is full");
    }
    BatchJob job = new BatchJob(model, rows, Thread.currentThread());
    queue.add(job);
    lastArrivalNanos = job.enqueuedNanos();
    if (queued >= maxRows) {
      wake(runner); // a lingering runner has a full batch now
    }
    while (!job.isDone()) {
      if (busy.compareAndSet(false, true)) {
        runner = Thread.currentThread();
        try {
          runBatches(job);
        } finally {
          runner = null;
          busy.set(false);
        }
        wakeOldestWaiter();
      } else {
        // Woken by the runner that finished our batch or handed over; the timeout only guards against surprises.
        LockSupport.parkNanos(this, 50_000_000L);
        if (Thread.interrupted()) {
          job.cancel();
          throw new InterruptedException("Gave up waiting for the model");
        }
        if (!job.isDone() && waitedTooLong(job)) {
          job.cancel(); // a runner that takes it now skips it; one that took it already just wasted a row
          throw waitedTooLongError();
        }
      }
    }
    return job.result();
  }

  /** Rows waiting now (for a gauge). */
  public int queuedRows() {
    return queuedRows.get();
  }

  /** Runs batches until the caller's own job is done, then drains the queue for at most DRAIN_NANOS more. */
  private void runBatches(BatchJob own) {
    long ownDoneAt = 0;
    while (true) {
      lingerWhileOthersWait(own);
      runOneBatch();
      if (!own.isDone()) {
        continue;
      }
      long now = System.nanoTime();
      if (ownDoneAt == 0) {
        ownDoneAt = now;
      }
      if (queue.isEmpty() || now - ownDoneAt > DRAIN_NANOS) {
        return;
      }
    }
  }

  /**
   * Under load, a DL4J call scores about as many rows as arrived during the previous one (one or two at 150-400 us a
   * call), so most of the CPU goes to per-call overhead. When other callers are already waiting (so the server is
   * not idle), the runner waits for the batch to fill: until it holds maxRows rows, lingerNanos have passed, or no
   * new request came for a quarter of that (every client that will come soon is in). A lone caller never waits.
   */
  private void lingerWhileOthersWait(BatchJob own) {
    int ownRows = own.isDone() ? 0 : own.rowCount();
    int waiting = queuedRows.get();
    if (lingerNanos == 0 || waiting <= ownRows || waiting >= maxRows) {
      return;
    }
    long deadline = System.nanoTime() + lingerNanos;
    long quietNanos = lingerNanos / 4;
    while (queuedRows.get() < maxRows && !Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      long sinceArrival = now - lastArrivalNanos;
      if (now >= deadline || sinceArrival >= quietNanos) {
        return;
      }
      LockSupport.parkNanos(this, Math.min(deadline - now, quietNanos - sinceArrival));
    }
  }

  private static void wake(Thread thread) {
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void runOneBatch() {
    List<BatchJob> batch = takeBatch();
    if (!batch.isEmpty()) {
      BatchCall.score(batch, listener);
    }
  }

  /** The oldest jobs for one model, up to maxRows rows (a single larger job runs alone); drops stale ones. */
  private List<BatchJob> takeBatch() {
    List<BatchJob> batch = new ArrayList<>();
    int rows = 0;
    for (BatchJob next = queue.peek(); next != null; next = queue.peek()) {
      boolean fits = batch.isEmpty() || (rows + next.rowCount() <= maxRows && next.model() == batch.get(0).model());
      if (!fits) {
        break;
      }
      queue.poll();
      queuedRows.addAndGet(-next.rowCount());
      if (next.isCancelled()) {
        continue;
      }
      if (waitedTooLong(next)) {
        next.fail(waitedTooLongError());
        continue;
      }
      batch.add(next);
      rows += next.rowCount();
    }
    return batch;
  }

  private boolean waitedTooLong(BatchJob job) {
    return System.nanoTime() - job.enqueuedNanos() > maxQueueNanos;
  }

  private static QueueFullException waitedTooLongError() {
    return new QueueFullException("Waited longer than the inference queue allows");
  }

  private void wakeOldestWaiter() {
    BatchJob head = queue.peek();
    if (head != null) {
      LockSupport.unpark(head.waiter());
    }
  }

  /** The queue is full, or a job waited too long: the caller should answer 503 and let the client retry. */
  public static final class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
      super(message);
    }
  }
}
