package dev.predictionservice.inference.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.inference.entity.ScoringEngine;
import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.training.SyntheticDataset;
import dev.predictionservice.training.TrainingOptions;
import dev.predictionservice.training.TrainingPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dynamic batcher on a real (small) DL4J model: batched results equal unbatched ones within {@link #TOLERANCE}
 * (ND4J's low bits differ between a row alone and inside a batch on some CPUs, e.g. AMD EPYC).
 */
class BatchQueueTest {

  private static final float TOLERANCE = 1e-6f;
  private static ScoringEngine model;
  private static FeatureSchema schema;
  private static ExecutorService pool;

  private final AtomicInteger maxJobsPerBatch = new AtomicInteger();
  private final ConcurrentLinkedQueue<Integer> batchRows = new ConcurrentLinkedQueue<>();
  private final BatchQueue.Listener listener = new BatchQueue.Listener() {
    @Override
    public void batchScored(int rows, int jobs, long modelNanos) {
      batchRows.add(rows);
      maxJobsPerBatch.accumulateAndGet(jobs, Math::max);
    }

    @Override
    public void jobQueued(long queueNanos) {
      queueTimes.add(queueNanos);
    }
  };
  private final ConcurrentLinkedQueue<Long> queueTimes = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void trainSmallModel() {
    ModelBundle bundle = TrainingPipeline.run(SyntheticDataset.generate(3, 1000), SyntheticDataset.CATEGORIES,
        TrainingOptions.defaults(3).withEpochs(1), "test", "batch-test").bundle();
    model = new Dl4jNetwork(bundle.network(), bundle.normalizer());
    schema = bundle.schema();
    pool = Executors.newFixedThreadPool(16);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private static float[] row(Random random) {
    return FeatureEncoder.encode(schema, 18 + random.nextInt(70), random.nextInt(250_000),
        SyntheticDataset.CATEGORIES.get(random.nextInt(4)));
  }

  @Test
  void concurrentCallersGetTheirUnbatchedResults() throws Exception {
    BatchQueue queue =
        new BatchQueue(64, 10_000, TimeUnit.SECONDS.toNanos(10), TimeUnit.MILLISECONDS.toNanos(2), listener);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> checked = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int seed = t;
      checked.add(pool.submit(() -> {
        Random random = new Random(seed);
        start.await();
        for (int i = 0; i < 60; i++) {
          float[][] rows = i % 10 == 0 ? new float[][] {row(random), row(random), row(random)}
              : new float[][] {row(random)};
          float[] batched = queue.score(model, rows);
          for (int r = 0; r < rows.length; r++) {
            assertArrayEquals(model.score(new float[][] {rows[r]}), new float[] {batched[r]}, TOLERANCE);
          }
        }
        return seed;
      }));
    }
    start.countDown();
    for (Future<Integer> f : checked) {
      f.get(60, TimeUnit.SECONDS);
    }

    assertTrue(maxJobsPerBatch.get() > 1, "requests were batched together: " + maxJobsPerBatch);
    assertTrue(batchRows.stream().allMatch(rows -> rows <= 64), "no batch over maxRows");
    assertEquals(0, queue.queuedRows());
    assertEquals(8 * 60, queueTimes.size(), "one queue time per request");
    assertTrue(queueTimes.stream().allMatch(nanos -> nanos >= 0));
  }

  @Test
  void aFailingModelCallFailsItsCallersAndTheQueueGoesOn() throws Exception {
    BatchQueue queue = new BatchQueue(4, 100, TimeUnit.SECONDS.toNanos(10), 0, listener);

    float[][] wrongWidth = {new float[] {1, 2}};
    assertThrows(RuntimeException.class, () -> queue.score(model, wrongWidth));
    Random random = new Random(4);
    float[][] good = {row(random)};
    assertArrayEquals(model.score(good), queue.score(model, good), TOLERANCE);
  }

  @Test
  void anIdleQueueRunsTheCallerAtOnceAndALargeRequestAlone() throws Exception {
    // A linger far longer than the test allows: a lone caller must not wait for company.
    BatchQueue queue = new BatchQueue(4, 10_000, TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(60), listener);
    Random random = new Random(1);
    float[][] ten = new float[10][];
    for (int i = 0; i < ten.length; i++) {
      ten[i] = row(random);
    }

    assertArrayEquals(model.score(ten), pool.submit(() -> queue.score(model, ten)).get(10, TimeUnit.SECONDS),
        TOLERANCE);
    assertEquals(List.of(10), List.copyOf(batchRows));
    assertEquals(1, maxJobsPerBatch.get());
  }

  @Test
  void aFullQueueRefusesAtOnceWhileTheModelIsBusy() throws Exception {
    CountDownLatch modelBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BatchQueue queue = new BatchQueue(4, 3, TimeUnit.SECONDS.toNanos(10), 0, holdingModel(modelBusy, release));
    Random random = new Random(2);
    Future<float[]> first = pool.submit(() -> queue.score(model, new float[][] {row(random)}));
    assertTrue(modelBusy.await(10, TimeUnit.SECONDS));
    Future<float[]> second = pool.submit(() -> queue.score(model, new float[][] {row(random), row(random)}));
    while (queue.queuedRows() < 2) {
      Thread.onSpinWait();
    }

    assertThrows(BatchQueue.QueueFullException.class,
        () -> queue.score(model, new float[][] {row(random), row(random)}));
    release.countDown();
    assertEquals(1, first.get(10, TimeUnit.SECONDS).length);
    assertEquals(2, second.get(10, TimeUnit.SECONDS).length);
    assertEquals(0, queue.queuedRows());
  }

  @Test
  void whileOthersWaitTheRunnerLingersUntilTheBatchIsFull() throws Exception {
    CountDownLatch firstCallRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> jobsPerCall = new ArrayList<>();
    // A linger far longer than the test allows: the batch must start because it is full, not because time ran out.
    BatchQueue queue = new BatchQueue(6, 1000, TimeUnit.SECONDS.toNanos(120), TimeUnit.SECONDS.toNanos(60),
        new BatchQueue.Listener() {
          @Override
          public synchronized void batchScored(int rows, int jobs, long modelNanos) {
            jobsPerCall.add(jobs);
            firstCallRunning.countDown();
            awaitQuietly(release);
          }

          @Override
          public void jobQueued(long queueNanos) {}
        });
    Random random = new Random(3);
    List<Future<float[]>> calls = new ArrayList<>();
    calls.add(pool.submit(() -> queue.score(model, new float[][] {row(random)})));
    assertTrue(firstCallRunning.await(10, TimeUnit.SECONDS));
    for (int i = 0; i < 2; i++) {
      calls.add(pool.submit(() -> queue.score(model, new float[][] {row(random)})));
    }
    while (queue.queuedRows() < 2) {
      Thread.onSpinWait();
    }
    release.countDown(); // the runner now finds 2 rows waiting, fewer than a full batch: it lingers
    for (int i = 0; i < 4; i++) {
      calls.add(pool.submit(() -> queue.score(model, new float[][] {row(random)})));
    }
    for (Future<float[]> call : calls) {
      assertEquals(1, call.get(20, TimeUnit.SECONDS).length);
    }

    assertEquals(List.of(1, 6), jobsPerCall, "the lone first caller ran at once; the other six ran as one batch");
  }

  @Test
  void aWaiterGivesUpAfterTheQueueDelayEvenWhileTheModelStaysBusy() throws Exception {
    CountDownLatch modelBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BatchQueue queue =
        new BatchQueue(4, 100, TimeUnit.MILLISECONDS.toNanos(200), 0, holdingModel(modelBusy, release));
    Random random = new Random(5);
    Future<float[]> first = pool.submit(() -> queue.score(model, new float[][] {row(random)}));
    assertTrue(modelBusy.await(10, TimeUnit.SECONDS));

    Future<float[]> waiter = pool.submit(() -> queue.score(model, new float[][] {row(random)}));
    ExecutionException refused = assertThrows(ExecutionException.class, () -> waiter.get(10, TimeUnit.SECONDS));
    assertInstanceOf(BatchQueue.QueueFullException.class, refused.getCause());

    release.countDown();
    assertEquals(1, first.get(10, TimeUnit.SECONDS).length);
    assertArrayEquals(model.score(new float[][] {row(new Random(6))}),
        queue.score(model, new float[][] {row(new Random(6))}), TOLERANCE, "the queue goes on after the refusal");
    assertEquals(0, queue.queuedRows());
  }

  @Test
  void theRunnerStopsLingeringWhenNoMoreCallersCome() throws Exception {
    CountDownLatch modelBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Linger 8 s, so quiet after 2 s: the two waiting callers must be scored well before the 8 s are up.
    BatchQueue queue = new BatchQueue(64, 1000, TimeUnit.SECONDS.toNanos(60), TimeUnit.SECONDS.toNanos(8),
        holdingModel(modelBusy, release));
    Random random = new Random(7);
    Future<float[]> first = pool.submit(() -> queue.score(model, new float[][] {row(random)}));
    assertTrue(modelBusy.await(10, TimeUnit.SECONDS));
    List<Future<float[]>> waiting = List.of(pool.submit(() -> queue.score(model, new float[][] {row(random)})),
        pool.submit(() -> queue.score(model, new float[][] {row(random)})));
    while (queue.queuedRows() < 2) {
      Thread.onSpinWait();
    }
    release.countDown();

    assertEquals(1, first.get(10, TimeUnit.SECONDS).length);
    for (Future<float[]> call : waiting) {
      assertEquals(1, call.get(6, TimeUnit.SECONDS).length, "scored after the quiet gap, not the whole linger");
    }
  }

  /** A listener that keeps each model call (the runner) busy until released, after saying it started. */
  private static BatchQueue.Listener holdingModel(CountDownLatch modelBusy, CountDownLatch release) {
    return new BatchQueue.Listener() {
      @Override
      public void batchScored(int rows, int jobs, long modelNanos) {
        modelBusy.countDown();
        awaitQuietly(release);
      }

      @Override
      public void jobQueued(long queueNanos) {}
    };
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
