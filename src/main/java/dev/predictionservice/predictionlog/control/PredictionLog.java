package dev.predictionservice.predictionlog.control;

import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.DaemonScheduler;
import dev.predictionservice.platform.RequestIds;
import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.platform.StartOrder;
import dev.predictionservice.platform.TimeOrderedIds;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import dev.predictionservice.predictionlog.entity.PredictionRecord;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The prediction log's entry point: {@link #record} is called once per scoring call, after scoring, and only
 * enqueues. The writer runs on its own platform thread (it needs no container context: JDBC through the data source
 * works from any thread) and is drained on shutdown before the application's beans go away.
 *
 * <p>{@code prediction-log.enabled} is followed at run time, as {@code drift.enabled} is (a server.xml variable an
 * admin changes without a restart): switched off, calls are no longer recorded while the writer still writes what it
 * holds; switched on, recording starts again, the writer first started then if the log was off at start.
 */
@ApplicationScoped
public class PredictionLog {

  static final String ENABLED = "prediction-log.enabled";
  private static final long FOLLOW_SECONDS = 5;
  private static final Logger LOG = RequestLogContext.logger(PredictionLog.class);

  @Inject PredictionSink sink;
  @Inject PredictionLogMetrics metrics;
  @Inject RequestIds requestIds;

  @Inject @ConfigProperty(name = "prediction-log.queue.capacity", defaultValue = "50000") int capacity;
  @Inject @ConfigProperty(name = "prediction-log.batch.size", defaultValue = "500") int batchSize;
  @Inject @ConfigProperty(name = "prediction-log.spool.dir", defaultValue = "spool") String spoolDir;
  @Inject @ConfigProperty(name = "prediction-log.spool.max-bytes", defaultValue = "1073741824") long spoolMaxBytes;
  @Inject @ConfigProperty(name = "prediction-log.replay.interval-ms", defaultValue = "2000") long replayIntervalMs;
  @Inject @ConfigProperty(name = "prediction-log.shutdown.timeout-ms", defaultValue = "20000") long shutdownMs;
  @Inject @ConfigProperty(name = "prediction-log.flush.delay-ms", defaultValue = "5") long flushDelayMs;
  /** Read again every few seconds: a Provider sees a changed server.xml variable (MicroProfile Config looks it up). */
  @Inject @ConfigProperty(name = ENABLED, defaultValue = "true") Provider<Boolean> enabledSetting;

  private volatile Spool spool;
  private volatile PredictionLogWriter writer;
  private volatile Thread thread;
  private volatile ArrayBlockingQueue<PredictionRecord> queue;
  /** The setting as last followed; read once per scoring call, so a volatile field rather than a config lookup. */
  private volatile boolean recording;
  private ScheduledExecutorService follower;

  /** Prepares the writer with the application, unless the log is off; bad settings fail the start naming the key. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    metrics.register(this::queueDepth, this::spoolBytes, () -> recording ? 1 : 0);
    if (setting()) {
      prepare();
      recording = true;
    } else {
      LOG.warning(() -> "Prediction log off (" + ENABLED + "=false): predictions are not recorded");
    }
  }

  /** Starts the writer's thread and the setting's follower once the whole start succeeded ({@link StartOrder}). */
  void startBackgroundWork(
      @Observes @Priority(StartOrder.BACKGROUND_WORK) @Initialized(ApplicationScoped.class) Object event) {
    if (writer != null) {
      startWriter();
    }
    // A plain daemon thread, as the drift sweep's: following a setting needs no container context.
    follower = DaemonScheduler.named("prediction-log-setting");
    follower.scheduleWithFixedDelay(this::followSettingQuietly, FOLLOW_SECONDS, FOLLOW_SECONDS, TimeUnit.SECONDS);
  }

  private boolean setting() {
    return Boolean.TRUE.equals(enabledSetting.get());
  }

  /** Takes a changed {@code prediction-log.enabled}; a writer that cannot start leaves the log off. */
  synchronized void followSetting() {
    boolean now = setting();
    if (now == recording) {
      return;
    }
    if (now) {
      start();
      recording = true;
      LOG.info(() -> ENABLED + " is now true: predictions are recorded again");
    } else {
      recording = false;
      LOG.warning(() -> ENABLED + " is now false: predictions are not recorded; the writer still writes the records"
          + " it holds (" + queueDepth() + ") and replays the spool");
    }
  }

  private void followSettingQuietly() {
    try {
      followSetting();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The prediction log could not start, so it stays off; " + ENABLED
          + " is tried again in " + FOLLOW_SECONDS + " s: " + e.getMessage(), e);
    }
  }

  synchronized void start() {
    prepare();
    startWriter();
  }

  /** The writer, its queue and spool, not yet running: what can fail on bad settings or an unusable spool. */
  private synchronized void prepare() {
    if (writer != null) {
      return;
    }
    ConfigValues.requireInRange("prediction-log.queue.capacity", capacity, 1, 10_000_000);
    ConfigValues.requireInRange("prediction-log.batch.size", batchSize, 1, 10_000);
    ConfigValues.requireInRange("prediction-log.spool.max-bytes", spoolMaxBytes, 1024, Long.MAX_VALUE);
    ConfigValues.requireInRange("prediction-log.replay.interval-ms", replayIntervalMs, 10, 600_000);
    ConfigValues.requireInRange("prediction-log.shutdown.timeout-ms", shutdownMs, 0, 600_000);
    ConfigValues.requireInRange("prediction-log.flush.delay-ms", flushDelayMs, 0, 10_000);
    try {
      // Relative to the working directory, which Liberty sets to the server's output directory.
      spool = new Spool(Path.of(spoolDir).toAbsolutePath(), spoolMaxBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("prediction-log.spool.dir=" + spoolDir + " is not usable: " + e.getMessage(), e);
    }
    queue = new ArrayBlockingQueue<>(capacity);
    writer = new PredictionLogWriter(queue, sink, spool, metrics, batchSize, replayIntervalMs, flushDelayMs);
  }

  private synchronized void startWriter() {
    if (thread != null) {
      return;
    }
    thread = new Thread(writer, "prediction-log-writer");
    thread.start();
    LOG.info(() -> "Prediction log started: queue " + capacity + ", batches of " + batchSize + ", spool "
        + spool.dir() + (spool.hasData() ? " (" + spool.bytes() + " bytes to replay)" : ""));
  }

  /** Flushes on graceful shutdown: to the database, or to the spool if it is away or too slow. */
  void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) throws InterruptedException {
    if (follower != null) {
      follower.shutdownNow();
    }
    synchronized (this) { // a writer the follower was starting right then is in place once the lock is ours
      if (writer == null) {
        return;
      }
    }
    writer.close();
    if (thread != null) { // null if the application stops before its start completed
      thread.join(shutdownMs);
    }
    writer.spoolRemaining();
    LOG.info(() -> "Prediction log flushed" + (spool.hasData() ? "; " + spool.bytes() + " bytes spooled" : ""));
  }

  /** Records one scoring call: one record per instance, all with this request's id and one log id. */
  public void record(String endpoint, String modelVersion, List<? extends LoggedInstance> instances, float[] scores,
      long latencyNanos) {
    if (recording) {
      writer.offer(records(requestIds.currentOrNone(), endpoint, modelVersion, instances, scores, latencyNanos, false));
    }
  }

  /**
   * Records a shadow version's scores of a call already answered, flagged as shadow. Called off the request thread,
   * so the request id is the one the caller's thread read.
   */
  public void recordShadow(String requestId, String endpoint, String modelVersion,
      List<? extends LoggedInstance> instances, float[] scores, long latencyNanos) {
    if (recording) {
      writer.offer(records(requestId, endpoint, modelVersion, instances, scores, latencyNanos, true));
    }
  }

  private static List<PredictionRecord> records(String requestId, String endpoint, String modelVersion,
      List<? extends LoggedInstance> instances, float[] scores, long latencyNanos, boolean shadow) {
    String logId = TimeOrderedIds.next();
    Instant now = Instant.now();
    long micros = latencyNanos / 1000;
    List<PredictionRecord> records = new ArrayList<>(instances.size());
    for (int i = 0; i < instances.size(); i++) {
      LoggedInstance in = instances.get(i);
      records.add(new PredictionRecord(logId, i, requestId, now, modelVersion, endpoint, in.age(), in.income(),
          in.category(), scores[i], micros, shadow));
    }
    return records;
  }

  /** Whether the log can take rows without losing any (false once the spool refused an append). */
  public boolean isAccepting() {
    return !recording || spool.isHealthy();
  }

  /** Whether scoring calls are recorded now ({@code prediction-log.enabled} as last followed). */
  public boolean isRecording() {
    return recording;
  }

  public int queueDepth() {
    return queue == null ? 0 : queue.size();
  }

  public long spoolBytes() {
    return spool == null ? 0 : spool.bytes();
  }
}
