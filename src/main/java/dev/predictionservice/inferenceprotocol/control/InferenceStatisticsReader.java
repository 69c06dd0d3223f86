package dev.predictionservice.inferenceprotocol.control;

import dev.predictionservice.inferenceprotocol.entity.InferenceStatistics;
import dev.predictionservice.inferenceprotocol.entity.ModelStatistics;
import dev.predictionservice.inferenceprotocol.entity.StatisticDuration;
import dev.predictionservice.inferenceprotocol.entity.StatisticsResponse;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.predictions.control.PredictionMetrics;
import dev.predictionservice.predictions.entity.VersionStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics extension: for each loaded version, what the scoring use case counted (the same counters as
 * {@code /metrics}), in Triton's shape. An unloaded version has no entry, as in the repository index.
 */
@ApplicationScoped
public class InferenceStatisticsReader {

  @Inject InferenceModels models;
  @Inject ModelRegistry registry;
  @Inject PredictionMetrics metrics;

  /** Every loaded version of every model this server serves (one name). */
  public StatisticsResponse all() {
    List<ModelStatistics> entries = new ArrayList<>();
    for (String version : registry.loadedVersions()) {
      entries.add(entry(version));
    }
    return new StatisticsResponse(entries);
  }

  /**
   * One model's loaded versions, or one of them.
   *
   * @param version null for all loaded versions of the model
   * @throws InferenceRequestException (404) for another model name or a version that is not loaded
   */
  public StatisticsResponse of(String name, String version) {
    if (version == null) {
      models.find(name, null);
      return all();
    }
    ModelBundle model = models.find(name, version);
    return new StatisticsResponse(List.of(entry(model.version())));
  }

  private ModelStatistics entry(String version) {
    VersionStatistics counted = metrics.statistics(version)
        .orElse(new VersionStatistics(version, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    long executions = counted.successCount();
    InferenceStatistics stats = new InferenceStatistics(
        new StatisticDuration(executions, counted.successNanos()),
        new StatisticDuration(counted.failCount(), counted.failNanos()),
        new StatisticDuration(executions, 0),
        new StatisticDuration(executions, counted.inputNanos()),
        new StatisticDuration(executions, counted.inferNanos()),
        new StatisticDuration(executions, counted.outputNanos()));
    return new ModelStatistics(models.modelName(), version, counted.lastInferenceMillis(),
        counted.inferenceCount(), executions, stats, List.of());
  }
}
