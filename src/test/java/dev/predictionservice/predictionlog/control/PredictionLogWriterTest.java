package dev.predictionservice.predictionlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.predictionlog.entity.PredictionRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer with a fake database: batches, outage, spool, in-order replay without duplicates, overflow, drops. */
class PredictionLogWriterTest {

  /** An idempotent fake database that can be switched off; keeps rows in arrival order. */
  static final class FakeSink implements PredictionSink {
    final Map<String, PredictionRecord> rows = new LinkedHashMap<>();
    volatile boolean down;
    int batches;

    @Override
    public synchronized void write(List<PredictionRecord> batch) throws Exception {
      if (down) {
        throw new java.sql.SQLException("database down");
      }
      batches++;
      for (PredictionRecord r : batch) {
        rows.putIfAbsent(r.logId() + "/" + r.itemIndex(), r);
      }
    }
  }

  /** Counts like the metrics do. */
  static final class Counts implements LogEvents {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger spooled = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();

    @Override
    public void accepted(int n) {
      accepted.addAndGet(n);
    }

    @Override
    public void written(int n) {
      written.addAndGet(n);
    }

    @Override
    public void spooled(int n) {
      spooled.addAndGet(n);
    }

    @Override
    public void replayed(int n) {
      replayed.addAndGet(n);
    }

    @Override
    public void dropped(int n) {
      dropped.addAndGet(n);
    }
  }

  @TempDir Path dir;
  final FakeSink sink = new FakeSink();
  final Counts counts = new Counts();

  static List<PredictionRecord> records(String logId, int n) {
    return IntStream.range(0, n).mapToObj(i -> new PredictionRecord(logId, i, "req-" + logId, Instant.now(), "m-1",
        "batch", 30 + i, 1000.0 * i, "A", 0.5, 120, i % 2 == 1)).toList();
  }

  PredictionLogWriter writer(int capacity, long maxSpool) throws Exception {
    return new PredictionLogWriter(
        new ArrayBlockingQueue<>(capacity), sink, new Spool(dir, maxSpool), counts, 50, 10, 0);
  }

  void runUntilClosed(PredictionLogWriter writer) throws Exception {
    writer.close();
    Thread thread = new Thread(writer);
    thread.start();
    thread.join(10_000);
    assertFalse(thread.isAlive());
  }

  @Test
  void aBatchGathersDuringTheFlushDelay() throws Exception {
    BlockingQueue<PredictionRecord> queue = new ArrayBlockingQueue<>(100);
    PredictionLogWriter writer = new PredictionLogWriter(queue, sink, new Spool(dir, 1 << 20), counts, 50, 10, 3000);
    Thread thread = new Thread(writer);
    thread.start();
    writer.offer(records("first", 1));
    while (!queue.isEmpty()) {
      Thread.onSpinWait(); // the writer took the first record and now waits for more
    }
    writer.offer(records("later", 9));
    writer.close();
    thread.join(20_000);

    assertFalse(thread.isAlive());
    assertEquals(10, sink.rows.size());
    assertEquals(1, sink.batches, "the nine later records joined the first one's batch");
  }

  @Test
  void writesEveryRecordInBatches() throws Exception {
    PredictionLogWriter writer = writer(1000, 1 << 20);
    for (int i = 0; i < 10; i++) {
      writer.offer(records("a" + i, 20));
    }
    runUntilClosed(writer);
    assertEquals(200, sink.rows.size());
    assertEquals(200, counts.written.get());
    assertEquals(200, counts.accepted.get());
    assertTrue(sink.batches <= 5, "batched: " + sink.batches);
  }

  @Test
  void spoolsDuringAnOutageAndReplaysInOrderWithoutDuplicates() throws Exception {
    PredictionLogWriter writer = writer(1000, 1 << 20);
    sink.down = true;
    writer.offer(records("first", 30));
    Thread thread = new Thread(writer);
    thread.start();
    waitFor(() -> counts.spooled.get() == 30);
    writer.offer(records("second", 30));
    waitFor(() -> counts.spooled.get() == 60);
    sink.down = false;
    writer.offer(records("third", 30));
    waitFor(() -> sink.rows.size() == 90);
    writer.close();
    thread.join(10_000);
    List<String> order = new ArrayList<>(sink.rows.keySet());
    assertEquals("first/0", order.get(0));
    assertEquals("second/0", order.get(30));
    assertEquals("third/0", order.get(60));
    assertEquals(0, counts.dropped.get());
    assertTrue(counts.replayed.get() >= 60);
  }

  @Test
  void aReplayCutShortIsSentAgainWithoutDoubling() throws Exception {
    Spool spool = new Spool(dir, 1 << 20);
    spool.append(records("x", 10));
    AtomicInteger calls = new AtomicInteger();
    try {
      spool.replay(4, chunk -> {
        sink.write(chunk);
        if (calls.incrementAndGet() == 2) {
          throw new IllegalStateException("connection lost");
        }
      });
    } catch (IllegalStateException expected) {
      // the file stays for the next replay
    }
    assertTrue(spool.hasData());
    assertEquals(10, spool.replay(4, sink::write));
    assertEquals(10, sink.rows.size());
    assertFalse(spool.hasData());
    assertEquals(0, spool.bytes());
  }

  @Test
  void aFullQueueSpillsToTheSpoolNotTheRequestThread() throws Exception {
    PredictionLogWriter writer = writer(5, 1 << 20);
    writer.offer(records("big", 12));
    assertEquals(7, counts.spooled.get());
    runUntilClosed(writer);
    assertEquals(12, sink.rows.size());
  }

  @Test
  void aFullSpoolDropsAndReportsUnhealthy() throws Exception {
    Spool spool = new Spool(dir, 2048);
    PredictionLogWriter writer = new PredictionLogWriter(new ArrayBlockingQueue<>(1), sink, spool, counts, 50, 10, 0);
    writer.offer(records("huge", 40));
    assertTrue(counts.dropped.get() > 0);
    assertFalse(spool.isHealthy());
  }

  @Test
  void recordsSpooledBeforeARestartAreReplayedAfterIt() throws Exception {
    new Spool(dir, 1 << 20).append(records("old", 3));
    Files.writeString(dir.resolve("spool.jsonl"), "{\"logId\":\"cut", java.nio.file.StandardOpenOption.APPEND);
    PredictionLogWriter writer = writer(100, 1 << 20);
    writer.offer(records("new", 2));
    runUntilClosed(writer);
    assertEquals(5, sink.rows.size());
    assertEquals(List.of("old/0", "old/1", "old/2", "new/0", "new/1"), new ArrayList<>(sink.rows.keySet()));
  }

  @Test
  void theShadowFlagSurvivesTheSpoolAndLinesWrittenBeforeItReadAsNotShadow() throws Exception {
    Spool spool = new Spool(dir, 1 << 20);
    spool.append(records("flag", 2));
    // A line as the spool wrote it before the shadow column existed (no "shadow" field).
    Files.writeString(dir.resolve("spool.jsonl"), "{\"logId\":\"old\",\"itemIndex\":0,\"requestId\":\"r\","
        + "\"loggedAt\":\"2026-01-01T00:00:00Z\",\"modelVersion\":\"m-1\",\"endpoint\":\"single\",\"age\":30,"
        + "\"income\":1.0,\"category\":\"A\",\"prediction\":0.5,\"latencyMicros\":7}\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(3, spool.replay(10, sink::write));
    assertFalse(sink.rows.get("flag/0").shadow());
    assertTrue(sink.rows.get("flag/1").shadow());
    assertFalse(sink.rows.get("old/0").shadow());
    assertEquals(7, sink.rows.get("old/0").latencyMicros());
  }

  @Test
  void spoolRemainingKeepsWhatTheWriterDidNotTake() throws Exception {
    PredictionLogWriter writer = writer(100, 1 << 20);
    writer.offer(records("late", 4));
    writer.close();
    writer.spoolRemaining();
    writer.offer(records("after", 2));
    assertEquals(6, counts.spooled.get());
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met in 10 s");
      }
      Thread.sleep(10);
    }
  }
}
