package dev.predictionservice.models.entity;

import java.time.Instant;
import java.util.Map;

/** The {@code metadata.json} of a model bundle. */
public record ModelMetadata(
    String version,
    Instant created,
    FeatureSchema schema,
    FeatureStats trainingStats,
    EvaluationMetrics metrics,
    long seed,
    Map<String, Object> hyperParameters,
    String dataSource) {

  public ModelMetadata {
    hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
  }
}
