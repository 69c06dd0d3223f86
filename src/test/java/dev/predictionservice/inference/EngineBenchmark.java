package dev.predictionservice.inference;

import dev.predictionservice.inference.control.DenseNetworkReader;
import dev.predictionservice.inference.entity.DenseNetwork;
import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.models.control.CheckRows;
import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.ModelBundle;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second of the committed default model: the Java engine one row at a time (alone, and as the batch of one
 * that {@code /predict} scores) and in 1000-row batches, and DL4J's own forward pass for comparison. Run by
 * bench/engine-jmh.sh, never by the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class EngineBenchmark {

  private static final int BATCH = 1000;

  private DenseNetwork engine;
  private Dl4jNetwork dl4j;
  private float[][] rows;
  private float[][] batch;
  private int next;

  @Setup
  public void load() {
    ModelBundle bundle = ModelBundleFiles.read(Path.of("src/main/resources/model/default.bundle"));
    engine = DenseNetworkReader.read(bundle.network(), bundle.normalizer());
    dl4j = new Dl4jNetwork(bundle.network(), bundle.normalizer());
    rows = CheckRows.of(bundle.metadata());
    batch = new float[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      batch[i] = rows[i % rows.length];
    }
  }

  @Benchmark
  public float javaEngineOneRow() {
    next = next + 1 == rows.length ? 0 : next + 1;
    return engine.score(rows[next]);
  }

  /** What {@code /predict} calls: a batch of one row. */
  @Benchmark
  public float[] javaEngineBatchOfOne() {
    next = next + 1 == rows.length ? 0 : next + 1;
    return engine.score(new float[][] {rows[next]});
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public float[] javaEngineBatchOf1000() {
    return engine.score(batch);
  }

  @Benchmark
  public float[] dl4jOneRow() {
    next = next + 1 == rows.length ? 0 : next + 1;
    return dl4j.score(new float[][] {rows[next]});
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public float[] dl4jBatchOf1000() {
    return dl4j.score(batch);
  }
}
