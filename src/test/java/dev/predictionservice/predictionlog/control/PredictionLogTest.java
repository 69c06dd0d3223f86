package dev.predictionservice.predictionlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.platform.RequestIds;
import dev.predictionservice.predictionlog.control.PredictionLogWriterTest.FakeSink;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prediction-log.enabled followed at run time: the writer starts when first switched on, and off records nothing. */
class PredictionLogTest {

  record Instance(Integer age, Double income, String category) implements LoggedInstance {}

  /** The metrics without a registry: the gauge of the setting is kept to be read. */
  static final class Metrics extends PredictionLogMetrics {
    Supplier<Number> enabledGauge;

    @Override
    void register(Supplier<Number> queueDepth, Supplier<Number> spoolBytes, Supplier<Number> enabled) {
      enabledGauge = enabled;
    }

    @Override
    public void accepted(int rows) {}

    @Override
    public void written(int rows) {}

    @Override
    public void spooled(int rows) {}

    @Override
    public void replayed(int rows) {}

    @Override
    public void dropped(int rows) {}
  }

  @TempDir Path spoolDir;
  private final FakeSink sink = new FakeSink();
  private final Metrics metrics = new Metrics();
  private volatile boolean setting;
  private PredictionLog log;

  private PredictionLog log(boolean enabledAtStart) {
    setting = enabledAtStart;
    log = new PredictionLog();
    log.sink = sink;
    log.metrics = metrics;
    log.requestIds = new RequestIds();
    log.capacity = 1000;
    log.batchSize = 100;
    log.spoolDir = spoolDir.toString();
    log.spoolMaxBytes = 1 << 20;
    log.replayIntervalMs = 100;
    log.shutdownMs = 5000;
    log.flushDelayMs = 0;
    log.enabledSetting = () -> setting;
    log.onStart(null);
    log.startBackgroundWork(null);
    return log;
  }

  @AfterEach
  void stop() throws InterruptedException {
    log.onShutdown(null);
  }

  private void recordOne(int age) {
    log.record("single", "m-test", List.of(new Instance(age, 1000.0, "A")), new float[] {0.5f}, 1000);
  }

  private List<Integer> writtenAges() throws InterruptedException {
    for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline; ) {
      if (log.queueDepth() == 0) {
        break;
      }
      Thread.sleep(10);
    }
    Thread.sleep(100); // a batch taken from the queue is written just after
    synchronized (sink) {
      return sink.rows.values().stream().map(r -> r.age()).toList();
    }
  }

  @Test
  void offAtStartRecordsNothingUntilSwitchedOnThenStartsTheWriter() throws Exception {
    log(false);
    recordOne(1);

    assertFalse(log.isRecording());
    assertEquals(0, metrics.enabledGauge.get().intValue());
    assertTrue(log.isAccepting(), "off, the log never takes readiness down");
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("prediction-log-writer") && t.isAlive()), "no writer thread while off");

    setting = true;
    log.followSetting();
    recordOne(2);

    assertTrue(log.isRecording());
    assertEquals(1, metrics.enabledGauge.get().intValue());
    assertEquals(List.of(2), writtenAges(), "only the call made after the switch");
  }

  @Test
  void switchedOffItStopsRecordingAndSwitchedOnAgainItRecordsOnce() throws Exception {
    log(true);
    recordOne(1);

    setting = false;
    log.followSetting();
    recordOne(2);
    List<Integer> whileOff = writtenAges();
    setting = true;
    log.followSetting();
    log.followSetting(); // unchanged: nothing to do
    recordOne(3);

    assertEquals(List.of(1), whileOff, "the row recorded before the switch is still written; none after it");
    assertEquals(List.of(1, 3), writtenAges());
    assertEquals(1, Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("prediction-log-writer") && t.isAlive()).count(), "one writer, not two");
  }

  @Test
  void aWriterThatCannotStartLeavesTheLogOffAndIsTriedAgain() throws Exception {
    log(false);
    log.batchSize = 0; // out of range: start() refuses, naming the key

    setting = true;
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, log::followSetting);
    assertTrue(refused.getMessage().contains("prediction-log.batch.size"), refused.getMessage());
    assertFalse(log.isRecording());
    log.batchSize = 100;
    log.followSetting();

    assertTrue(log.isRecording());
  }
}
