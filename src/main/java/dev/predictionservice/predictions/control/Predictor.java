package dev.predictionservice.predictions.control;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.monitoring.control.DriftMonitor;
import dev.predictionservice.monitoring.control.CanaryRouter;
import dev.predictionservice.monitoring.control.ShadowScoring;
import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.predictionlog.control.PredictionLog;
import dev.predictionservice.predictions.entity.BatchPredictionResponse;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.PredictionResponse;
import dev.predictionservice.predictions.entity.RowError;
import dev.predictionservice.predictions.entity.ScoredRows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * The scoring use case, for every entry point ({@code /predict}, {@code /predict/batch}, the V2 protocol): pick the
 * model version, encode the validated instances, score them, record metrics and statistics, log them — in
 * {@link #score}, once. The entry points differ only in their concurrency cap and in how they word a refusal
 * ({@link InputErrors}). A version is the active one unless the caller names a loaded one.
 *
 * <p>{@link #predict} has neither {@code @Timeout} nor {@code @Bulkhead}: Liberty's Fault Tolerance timeout builds a
 * CancellationException with a full stack trace on every call that ends in time, and its interceptor cost ~4 % of the
 * CPU and ~17 % of the heap allocated per {@code /predict} call (see bench/README.md). Its cap is a plain semaphore
 * with the bulkhead's key, value and answer (BulkheadException, 503); a fallback model's wait is bounded by
 * {@code inference.queue.max-delay-ms}.
 */
@ApplicationScoped
public class Predictor {

  static final String SINGLE = "single";
  static final String BATCH = "batch";

  @Inject ModelRegistry registry;
  @Inject PredictionMetrics metrics;
  @Inject PredictionLimits limits;
  @Inject PredictionLog predictionLog;
  @Inject DriftMonitor drift;
  @Inject CanaryRouter canary;
  @Inject ShadowScoring shadow;

  // The key @Bulkhead used, so existing settings (README) keep working.
  @Inject
  @ConfigProperty(name = PREDICT_BULKHEAD_KEY, defaultValue = "64")
  int predictConcurrency;

  static final String PREDICT_BULKHEAD_KEY =
      "dev.predictionservice.predictions.control.Predictor/predict/Bulkhead/value";
  private Semaphore predictPermits;

  @PostConstruct
  void init() {
    ConfigValues.requireInRange(PREDICT_BULKHEAD_KEY, predictConcurrency, 1, 100_000);
    predictPermits = new Semaphore(predictConcurrency);
  }

  /**
   * Scores one instance; at most {@code predictConcurrency} at once, more are refused (503) at once.
   *
   * @param version a loaded version, or null for the active one
   */
  public PredictionResponse predict(PredictionRequest request, String version) {
    if (!predictPermits.tryAcquire()) {
      throw new BulkheadException("more than " + predictConcurrency + " concurrent /predict calls");
    }
    try {
      ScoredRows scored = score(SINGLE, version, List.of(request), PredictErrors.SINGLE);
      return new PredictionResponse(scored.scores()[0], scored.modelVersion());
    } finally {
      predictPermits.release();
    }
  }

  /** Scores instances for {@code POST /predict/batch}. */
  @Timeout(10000)
  @Bulkhead(8)
  public BatchPredictionResponse predictBatch(List<PredictionRequest> instances, String version) {
    ScoredRows scored = score(BATCH, version, instances, PredictErrors.BATCH);
    List<Double> predictions = new ArrayList<>(scored.scores().length);
    for (float score : scored.scores()) {
      predictions.add((double) score);
    }
    return new BatchPredictionResponse(predictions, scored.modelVersion());
  }

  /**
   * Scores instances for another API (the V2 protocol): the same checks, model and metrics, its own label and words.
   *
   * @param endpoint a fixed metric label naming the endpoint, never a request value
   */
  @Timeout(10000)
  @Bulkhead(8)
  public ScoredRows predictInstances(List<PredictionRequest> instances, String version, String endpoint,
      InputErrors errors) {
    return score(endpoint, version, instances, errors);
  }

  private ScoredRows score(String endpoint, String version, List<PredictionRequest> instances, InputErrors errors) {
    ModelBundle model = model(version, errors);
    long start = System.nanoTime();
    try {
      if (instances.size() > limits.maxBatchSize()) {
        throw errors.tooManyRows(limits.maxBatchSize(), instances.size());
      }
      float[][] rows = encode(model.schema(), instances, errors);
      long encoded = System.nanoTime();
      float[] scores = model.predict(rows);
      long scored = System.nanoTime();
      predictionLog.record(endpoint, model.version(), instances, scores, scored - encoded);
      drift.observe(model, rows, scores);
      metrics.succeeded(model.version(), endpoint, rows.length, encoded - start, scored - encoded,
          System.nanoTime() - scored);
      shadow.offer(endpoint, model, instances, rows, scores);
      return new ScoredRows(scores, model.version());
    } catch (RuntimeException e) {
      metrics.failed(model.version(), System.nanoTime() - start);
      throw e;
    }
  }

  private ModelBundle model(String version, InputErrors errors) {
    if (version == null) {
      return canary.route(); // the active version, or the canary's candidate for this request
    }
    return registry.loaded(version).orElseThrow(() -> errors.versionNotLoaded(version, registry.loadedVersions()));
  }

  private static float[][] encode(FeatureSchema schema, List<PredictionRequest> instances, InputErrors errors) {
    float[][] rows = new float[instances.size()][];
    List<RowError> refused = null;
    for (int i = 0; i < rows.length; i++) {
      PredictionRequest instance = instances.get(i);
      rows[i] = FeatureEncoder.encode(schema, instance.age(), instance.income(), instance.category());
      if (rows[i] == null) {
        if (refused == null) {
          refused = new ArrayList<>();
        }
        refused.add(new RowError(i, "category", "must be one of " + schema.categories()));
      }
    }
    if (refused != null) {
      throw errors.invalidRows(refused);
    }
    return rows;
  }
}
