package dev.predictionservice.training;

import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Adds the drift bins to a bundle trained on generated data before bundles carried them, without retraining: DL4J
 * training differs in the low bits between CPUs, so retraining the committed default model elsewhere would give
 * other weights and another version. The training rows are generated again from the seed (the generator is plain
 * Java), split as the trainer split them, and scored by the Java engine; the refresh refuses unless the rows give
 * the statistics the bundle already holds, so the bins describe the data the model was trained on.
 *
 * <pre>
 * TrainingStatsRefresh BUNDLE [ROWS]     (ROWS: the --rows it was trained with, default 20000)
 * </pre>
 *
 * Used once, for src/main/resources/model/default.bundle (seed 42, 20000 rows); DefaultBundleDriftTest checks it.
 */
public final class TrainingStatsRefresh {

  private static final Logger LOG = Logger.getLogger(TrainingStatsRefresh.class.getName());

  private TrainingStatsRefresh() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: TrainingStatsRefresh BUNDLE [ROWS]");
    }
    Path file = Path.of(args[0]);
    ModelMetadata refreshed = refreshed(ModelBundleFiles.read(file), args.length == 2 ? Integer.parseInt(args[1])
        : 20_000);
    ModelBundleFiles.replaceMetadata(file, refreshed);
    LOG.info(() -> "Drift bins added to " + file + " (version " + refreshed.version() + ")");
  }

  /** The bundle's metadata with training statistics recomputed, bins included, from its regenerated rows. */
  static ModelMetadata refreshed(ModelBundle bundle, int generatedRows) {
    ModelMetadata old = bundle.metadata();
    TrainingOptions options = TrainingOptions.defaults(old.seed());
    List<TrainingRow> train =
        TrainingPipeline.split(SyntheticDataset.generate(old.seed(), generatedRows), options).train();
    FeatureStats stats = TrainingStats.of(train, old.schema().categories(),
        TrainingScores.of(bundle.network(), bundle.normalizer(), train, old.schema()));
    FeatureStats before = old.trainingStats();
    if (before == null || before.rows() != stats.rows() || !before.age().equals(stats.age())
        || !before.income().equals(stats.income()) || !before.categoryShares().equals(stats.categoryShares())) {
      throw new IllegalStateException("The regenerated rows (seed " + old.seed() + ", " + generatedRows
          + " rows) are not the ones " + old.version() + " was trained on: its statistics differ");
    }
    return new ModelMetadata(old.version(), old.created(), old.schema(), stats, old.metrics(), old.seed(),
        old.hyperParameters(), old.dataSource());
  }
}
