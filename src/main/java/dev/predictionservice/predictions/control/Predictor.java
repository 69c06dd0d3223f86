package dev.predictionservice.predictions.control;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.FieldError;
import dev.predictionservice.platform.InvalidInputException;
import dev.predictionservice.predictionlog.control.PredictionLog;
import dev.predictionservice.predictions.entity.BatchPredictionResponse;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.PredictionResponse;
import dev.predictionservice.platform.ConfigValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scores validated requests with the active model's engine (the Java engine on the caller's thread, or DL4J behind
 * the batcher for a network it does not compute). The bulkheads cap concurrent callers so that overload is answered
 * at once (503) instead of queueing without bound; the timeouts bound how long a batch caller waits. Both can be tuned
 * through MicroProfile Fault Tolerance config keys (see README).
 *
 * <p>{@link #predict} has neither {@code @Timeout} nor {@code @Bulkhead}: Liberty's Fault Tolerance timeout builds a
 * CancellationException with a full stack trace on every call that ends in time, and its interceptor cost ~4 % of the
 * CPU and ~17 % of the heap allocated per {@code /predict} call (see bench/README.md). Its cap is a plain semaphore
 * with the bulkhead's key, value and answer (BulkheadException, 503); a fallback model's wait is bounded by
 * {@code inference.queue.max-delay-ms}.
 */
@ApplicationScoped
public class Predictor {

  @Inject ModelRegistry registry;
  @Inject PredictionMetrics metrics;
  @Inject PredictionLimits limits;
  @Inject PredictionLog predictionLog;

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

  /** Scores one instance; at most {@code predictConcurrency} at once, more are refused (503) at once. */
  public PredictionResponse predict(PredictionRequest request) {
    if (!predictPermits.tryAcquire()) {
      throw new BulkheadException("more than " + predictConcurrency + " concurrent /predict calls");
    }
    try {
      return scoreOne(request);
    } finally {
      predictPermits.release();
    }
  }

  private PredictionResponse scoreOne(PredictionRequest request) {
    ModelBundle model = registry.active();
    float[] row = encode(model.schema(), request, "category");
    long start = System.nanoTime();
    float score = model.predict(row);
    long nanos = System.nanoTime() - start;
    metrics.recordPredictions(model.version(), "single", 1, Duration.ofNanos(nanos));
    predictionLog.record("single", model.version(), List.of(request), new float[] {score}, nanos);
    return new PredictionResponse(score, model.version());
  }

  /** Scores instances for {@code POST /predict/batch}. */
  @Timeout(10000)
  @Bulkhead(8)
  public BatchPredictionResponse predictBatch(List<PredictionRequest> instances) {
    return score(instances, "batch");
  }

  /**
   * Scores instances for another endpoint (the V2 protocol): the same checks, model and metrics, with its own label.
   *
   * @param endpoint a fixed metric label naming the endpoint, never a request value
   */
  @Timeout(10000)
  @Bulkhead(8)
  public BatchPredictionResponse predictInstances(List<PredictionRequest> instances, String endpoint) {
    return score(instances, endpoint);
  }

  private BatchPredictionResponse score(List<PredictionRequest> instances, String endpoint) {
    if (instances.size() > limits.maxBatchSize()) {
      throw new InvalidInputException(List.of(new FieldError("instances",
          "must hold at most " + limits.maxBatchSize() + " instances, got " + instances.size())));
    }
    ModelBundle model = registry.active();
    float[][] rows = new float[instances.size()][];
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      rows[i] = encodeOrCollect(model.schema(), instances.get(i), "instances[" + i + "].category", errors);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    long start = System.nanoTime();
    float[] scores = model.predict(rows);
    long nanos = System.nanoTime() - start;
    metrics.recordPredictions(model.version(), endpoint, rows.length, Duration.ofNanos(nanos));
    predictionLog.record(endpoint, model.version(), instances, scores, nanos);
    List<Double> predictions = new ArrayList<>(scores.length);
    for (float score : scores) {
      predictions.add((double) score);
    }
    return new BatchPredictionResponse(predictions, model.version());
  }

  private static float[] encode(FeatureSchema schema, PredictionRequest request, String field) {
    List<FieldError> errors = new ArrayList<>(1);
    float[] row = encodeOrCollect(schema, request, field, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return row;
  }

  private static float[] encodeOrCollect(
      FeatureSchema schema, PredictionRequest request, String field, List<FieldError> errors) {
    float[] row = FeatureEncoder.encode(schema, request.age(), request.income(), request.category());
    if (row == null) {
      errors.add(new FieldError(field, "must be one of " + schema.categories()));
    }
    return row;
  }
}
