package dev.predictionservice.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.inference.TestNetworks;
import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.control.ModelNotLoadedException;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import dev.predictionservice.monitoring.control.DriftMonitor;
import dev.predictionservice.monitoring.control.CanaryRouter;
import dev.predictionservice.monitoring.control.ShadowScoring;
import dev.predictionservice.platform.FieldError;
import dev.predictionservice.platform.InvalidInputException;
import dev.predictionservice.predictionlog.control.PredictionLog;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import dev.predictionservice.predictions.entity.BatchPredictionResponse;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.PredictionResponse;
import dev.predictionservice.predictions.entity.RowError;
import dev.predictionservice.predictions.entity.ScoredRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** The scoring use case with fakes around it: version choice, refusals in the caller's words, metrics and log. */
class PredictorTest {

  private static ModelBundle active;
  private static ModelBundle other;
  private static final PredictionRequest ROW = new PredictionRequest(35, 50_000.0, "A");

  private final FakeMetrics metrics = new FakeMetrics();
  private final FakeLog log = new FakeLog();
  private final Predictor predictor = predictor(metrics, log);

  @BeforeAll
  static void bundles() throws IOException {
    active = bundle("m-active", 1);
    other = bundle("m-other", 2);
  }

  @Test
  void scoresWithTheActiveVersionUnlessOneIsNamed() {
    PredictionResponse byDefault = predictor.predict(ROW, null);
    PredictionResponse named = predictor.predict(ROW, "m-other");

    assertEquals("m-active", byDefault.modelVersion());
    assertEquals(score(active, ROW), byDefault.prediction());
    assertEquals("m-other", named.modelVersion());
    assertEquals(score(other, ROW), named.prediction());
    assertEquals(List.of("m-active single 1", "m-other single 1"), metrics.calls);
    assertEquals(List.of("single m-active 1", "shadow offered m-active 1", "single m-other 1",
        "shadow offered m-other 1"), log.calls, "each answered call is logged, then offered to the shadow");
  }

  @Test
  void aVersionThatIsNotLoadedIsRefusedNamingTheLoadedOnes() {
    ModelNotLoadedException e =
        assertThrows(ModelNotLoadedException.class, () -> predictor.predict(ROW, "m-gone"));

    assertEquals("Model version 'm-gone' is not loaded; loaded: m-active, m-other", e.getMessage());
    assertTrue(metrics.calls.isEmpty(), "no version was reached, so none counts a failure");
  }

  @Test
  void unknownCategoriesAreNamedByInstanceAndCountedAsFailuresOfTheVersion() {
    List<PredictionRequest> rows = List.of(ROW, new PredictionRequest(40, 1.0, "Z"), new PredictionRequest(41, 1.0,
        "Y"));

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> predictor.predictBatch(rows, "m-other"));

    assertEquals(List.of(new FieldError("instances[1].category", "must be one of [A, B, C, D]"),
        new FieldError("instances[2].category", "must be one of [A, B, C, D]")), e.errors());
    assertEquals(List.of("m-other failed"), metrics.calls);
    assertTrue(log.calls.isEmpty(), "refused instances are not logged");
  }

  @Test
  void tooManyInstancesAreRefusedInTheCallersWords() {
    List<PredictionRequest> rows = List.of(ROW, ROW, ROW, ROW);

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> predictor.predictBatch(rows, null));

    assertEquals(List.of(new FieldError("instances", "must hold at most 3 instances, got 4")), e.errors());
  }

  @Test
  void anotherApiGetsItsOwnErrorsAndLabel() {
    InputErrors words = new InputErrors() {
      @Override
      public RuntimeException invalidRows(List<RowError> errors) {
        return new IllegalStateException("row " + errors.get(0).row() + " " + errors.get(0).field());
      }

      @Override
      public RuntimeException tooManyRows(int max, int given) {
        return new IllegalStateException(max + "<" + given);
      }

      @Override
      public RuntimeException versionNotLoaded(String version, Collection<String> loaded) {
        return new IllegalStateException("no " + version);
      }
    };

    ScoredRows scored = predictor.predictInstances(List.of(ROW, ROW), "m-other", "v2", words);

    assertEquals("m-other", scored.modelVersion());
    assertEquals(2, scored.scores().length);
    assertEquals(List.of("m-other v2 2"), metrics.calls);
    assertEquals("row 0 category", assertThrows(IllegalStateException.class, () -> predictor.predictInstances(
        List.of(new PredictionRequest(1, 1.0, "Q")), null, "v2", words)).getMessage());
    assertEquals("no m-x", assertThrows(IllegalStateException.class,
        () -> predictor.predictInstances(List.of(ROW), "m-x", "v2", words)).getMessage());
  }

  @Test
  void aBatchIsScoredInOrderByOneVersion() {
    List<PredictionRequest> rows = List.of(ROW, new PredictionRequest(62, 120_000.0, "C"));

    BatchPredictionResponse scored = predictor.predictBatch(rows, null);

    assertEquals(List.of(score(active, rows.get(0)), score(active, rows.get(1))), scored.predictions());
    assertSame(rows, log.instances.get(0), "the log takes the instances as they are");
  }

  private static double score(ModelBundle model, PredictionRequest row) {
    return model.predict(FeatureEncoder.encode(model.schema(), row.age(), row.income(), row.category()));
  }

  private static ModelBundle bundle(String version, long seed) throws IOException {
    ModelMetadata base = ModelBundleFiles.read(Path.of("src/main/resources/model/default.bundle")).metadata();
    ModelMetadata metadata = new ModelMetadata(version, base.created(), base.schema(), base.trainingStats(),
        base.metrics(), seed, base.hyperParameters(), "test network");
    return new ModelBundle(metadata,
        TestNetworks.dense(seed, new int[] {4}, new Activation[] {Activation.RELU}, 1, Activation.SIGMOID),
        TestNetworks.standardizer());
  }

  private static Predictor predictor(FakeMetrics metrics, FakeLog log) {
    Predictor predictor = new Predictor();
    predictor.registry = new FakeRegistry();
    predictor.metrics = metrics;
    predictor.predictionLog = log;
    predictor.drift = new DriftMonitor(); // drift.enabled not injected: false, so drift records nothing here
    predictor.canary = new CanaryRouter() {
      @Override
      public ModelBundle route() {
        return active; // no canary: the active version (CanaryRouterTest covers the split)
      }
    };
    predictor.shadow = new ShadowScoring() {
      @Override
      public void offer(String endpoint, ModelBundle served, List<? extends LoggedInstance> instances,
          float[][] rows, float[] scores) {
        log.calls.add("shadow offered " + served.version() + " " + rows.length);
      }
    };
    predictor.limits = new PredictionLimits();
    predictor.limits.maxBatchSize = 3;
    predictor.predictConcurrency = 2;
    predictor.init();
    return predictor;
  }

  /** Two loaded versions, one of them active. */
  private static final class FakeRegistry extends ModelRegistry {

    @Override
    public ModelBundle active() {
      return active;
    }

    @Override
    public Optional<ModelBundle> loaded(String version) {
      return Optional.ofNullable(version.equals("m-active") ? active : version.equals("m-other") ? other : null);
    }

    @Override
    public List<String> loadedVersions() {
      return List.of("m-active", "m-other");
    }
  }

  private static final class FakeMetrics extends PredictionMetrics {

    final List<String> calls = new ArrayList<>();

    @Override
    public void succeeded(String version, String endpoint, int rows, long input, long infer, long output) {
      assertTrue(input >= 0 && infer >= 0 && output >= 0, "phase times are durations");
      calls.add(version + " " + endpoint + " " + rows);
    }

    @Override
    public void failed(String version, long nanos) {
      calls.add(version + " failed");
    }
  }

  private static final class FakeLog extends PredictionLog {

    final List<String> calls = new ArrayList<>();
    final List<List<? extends LoggedInstance>> instances = new ArrayList<>();

    @Override
    public void record(String endpoint, String modelVersion, List<? extends LoggedInstance> rows, float[] scores,
        long latencyNanos) {
      assertEquals(rows.size(), scores.length);
      calls.add(endpoint + " " + modelVersion + " " + rows.size());
      instances.add(rows);
    }
  }
}
