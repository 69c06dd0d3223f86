package dev.predictionservice.predictionlog.control;

import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.predictionlog.entity.PredictionRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background writer: takes records off the bounded queue in batches and writes them to the sink; a batch the
 * sink refuses goes to the spool, and while the spool holds anything new batches go there too, so the database
 * receives every record in order. The spool is replayed as soon as the sink accepts writes again. When the queue is
 * full the caller's records go straight to the spool: the request path never blocks on the database.
 */
public final class PredictionLogWriter implements Runnable {

  private static final Logger LOG = RequestLogContext.logger(PredictionLogWriter.class);

  private final BlockingQueue<PredictionRecord> queue;
  private final PredictionSink sink;
  private final Spool spool;
  private final LogEvents events;
  private final int batchSize;
  private final long replayIntervalMs;
  private final long flushDelayMs;
  private final ReadWriteLock closing = new ReentrantReadWriteLock();
  private volatile boolean closed;
  // Only the writer thread uses these; volatile because close() and the tests run on other threads.
  private volatile long nextReplayAt;
  private volatile boolean sinkFailing;

  /**
   * @param flushDelayMs how long the writer lets a batch gather after its first record (0: write at once)
   */
  public PredictionLogWriter(BlockingQueue<PredictionRecord> queue, PredictionSink sink, Spool spool,
      LogEvents events, int batchSize, long replayIntervalMs, long flushDelayMs) {
    this.queue = queue;
    this.sink = sink;
    this.spool = spool;
    this.events = events;
    this.batchSize = batchSize;
    this.replayIntervalMs = replayIntervalMs;
    this.flushDelayMs = flushDelayMs;
  }

  /** Accepts records from a request thread; never blocks on I/O unless the queue is full or the log closed. */
  public void offer(List<PredictionRecord> records) {
    events.accepted(records.size());
    List<PredictionRecord> overflow = null;
    closing.readLock().lock();
    try {
      for (PredictionRecord record : records) {
        if (closed || !queue.offer(record)) {
          overflow = overflow == null ? new ArrayList<>() : overflow;
          overflow.add(record);
        }
      }
    } finally {
      closing.readLock().unlock();
    }
    if (overflow != null) {
      spoolOrDrop(overflow);
    }
  }

  @Override
  public void run() {
    while (!closed || !queue.isEmpty()) {
      try {
        List<PredictionRecord> batch = next();
        replayIfDue();
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Prediction log writer error; continuing", e);
      }
    }
    replayIfDue();
  }

  /** Stops accepting into the queue; the writer drains what is queued (to the sink or the spool) and ends. */
  public void close() {
    closing.writeLock().lock();
    try {
      closed = true;
    } finally {
      closing.writeLock().unlock();
    }
  }

  /** Spools whatever is still queued (the writer did not finish in time). */
  public void spoolRemaining() {
    List<PredictionRecord> rest = new ArrayList<>();
    queue.drainTo(rest);
    if (!rest.isEmpty()) {
      spoolOrDrop(rest);
    }
  }

  private List<PredictionRecord> next() throws InterruptedException {
    List<PredictionRecord> batch = new ArrayList<>(batchSize);
    PredictionRecord first = queue.poll(closed ? 0 : 200, TimeUnit.MILLISECONDS);
    if (first != null) {
      batch.add(first);
      gather();
      queue.drainTo(batch, batchSize - 1);
    }
    return batch;
  }

  /**
   * Lets a batch gather unless one is already waiting: one transaction for many rows instead of one per request at
   * low rates, and request threads need not wake a waiting writer for every record.
   */
  private void gather() {
    if (closed || flushDelayMs == 0 || queue.size() >= batchSize - 1) {
      return;
    }
    try {
      Thread.sleep(flushDelayMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the batch in hand is still written; the next poll ends the loop
    }
  }

  private void write(List<PredictionRecord> batch) {
    if (spool.hasData()) {
      spoolOrDrop(batch);
      return;
    }
    try {
      sink.write(batch);
      events.written(batch.size());
      sinkRecovered();
    } catch (Exception e) {
      sinkFailed(e);
      spoolOrDrop(batch);
    }
  }

  void replayIfDue() {
    if (!spool.hasData() || System.currentTimeMillis() < nextReplayAt) {
      return;
    }
    try {
      int sent = spool.replay(batchSize, chunk -> {
        sink.write(chunk);
        events.replayed(chunk.size());
      });
      sinkRecovered();
      if (sent > 0) {
        LOG.info(() -> "Prediction log: replayed " + sent + " spooled record(s) into the database");
      }
    } catch (Exception e) {
      sinkFailed(e);
    }
  }

  private void sinkFailed(Exception e) {
    nextReplayAt = System.currentTimeMillis() + replayIntervalMs;
    if (!sinkFailing) {
      sinkFailing = true;
      LOG.warning(() -> "Prediction log: the database refuses writes, spooling to " + spool.dir() + ": " + e);
    }
  }

  private void sinkRecovered() {
    nextReplayAt = 0;
    if (sinkFailing) {
      sinkFailing = false;
      LOG.info("Prediction log: the database accepts writes again");
    }
  }

  private void spoolOrDrop(List<PredictionRecord> records) {
    try {
      spool.append(records);
      events.spooled(records.size());
    } catch (IOException e) {
      events.dropped(records.size());
      LOG.log(Level.SEVERE, "Prediction log: " + records.size() + " record(s) DROPPED, the spool refuses them", e);
    }
  }
}
