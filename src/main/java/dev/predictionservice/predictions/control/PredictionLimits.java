package dev.predictionservice.predictions.control;

import dev.predictionservice.platform.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Limits on what one request may ask for; checked when the application starts, so a bad value fails fast. */
@ApplicationScoped
public class PredictionLimits {

  static final String MAX_BATCH_SIZE = "predict.batch.max-size";
  static final String MAX_BODY_BYTES = "predict.body.max-bytes";

  @Inject
  @ConfigProperty(name = MAX_BATCH_SIZE, defaultValue = "1000")
  int maxBatchSize;

  @Inject
  @ConfigProperty(name = MAX_BODY_BYTES, defaultValue = "1048576")
  long maxBodyBytes;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    validate();
  }

  void validate() {
    ConfigValues.requireInRange(MAX_BATCH_SIZE, maxBatchSize, 1, 100_000);
    ConfigValues.requireInRange(MAX_BODY_BYTES, maxBodyBytes, 1024, 64L * 1024 * 1024);
  }

  public int maxBatchSize() {
    return maxBatchSize;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }
}
