package dev.predictionservice.predictions.control;

import dev.predictionservice.platform.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many instances one scoring request may hold; checked when the application starts, so a bad value fails fast. */
@ApplicationScoped
public class PredictionLimits {

  static final String MAX_BATCH_SIZE = "predict.batch.max-size";

  @Inject
  @ConfigProperty(name = MAX_BATCH_SIZE, defaultValue = "1000")
  int maxBatchSize;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    validate();
  }

  void validate() {
    ConfigValues.requireInRange(MAX_BATCH_SIZE, maxBatchSize, 1, 100_000);
  }

  public int maxBatchSize() {
    return maxBatchSize;
  }
}
