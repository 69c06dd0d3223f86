package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed and data give the same model; the bundle written and read back predicts the same. */
class TrainingDeterminismTest {

  private static final TrainingOptions OPTIONS = TrainingOptions.defaults(7).withEpochs(3);
  private static final float[][] PROBE = {
    FeatureEncoder.encode(ModelSchemas.DEFAULT, 35, 50_000, "A"),
    FeatureEncoder.encode(ModelSchemas.DEFAULT, 70, 10_000, "C"),
    FeatureEncoder.encode(ModelSchemas.DEFAULT, 20, 240_000, "D")
  };

  private static TrainingPipeline.Outcome first;

  @BeforeAll
  static void trainOnce() {
    first = train(7);
  }

  private static TrainingPipeline.Outcome train(long seed) {
    List<TrainingRow> rows = SyntheticDataset.generate(seed, 3000);
    return TrainingPipeline.run(rows, SyntheticDataset.CATEGORIES, OPTIONS, "test", null);
  }

  @Test
  void sameSeedGivesIdenticalPredictionsAndVersion() {
    TrainingPipeline.Outcome second = train(7);

    assertArrayEquals(first.bundle().predict(PROBE), second.bundle().predict(PROBE));
    assertEquals(first.bundle().version(), second.bundle().version());
  }

  @Test
  void otherSeedGivesAnotherModel() {
    TrainingPipeline.Outcome other = train(8);

    assertFalse(first.bundle().version().equals(other.bundle().version()));
  }

  @Test
  void evaluationIsCloseToTheBestAchievable() {
    var metrics = first.bundle().metadata().metrics();

    assertTrue(metrics.auc() > 0.75, "AUC " + metrics.auc());
    assertTrue(metrics.bestAuc() - metrics.auc() < 0.05, metrics.auc() + " vs best " + metrics.bestAuc());
    assertTrue(metrics.logLoss() > 0 && metrics.logLoss() < 0.7, "log-loss " + metrics.logLoss());
    assertEquals(600, metrics.testRows());
  }

  @Test
  void bundleRoundTripKeepsPredictionsAndMetadata(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("model.bundle");
    TrainingPipeline.write(first, file, dir.resolve("card"));

    ModelBundle read = ModelBundleFiles.read(file);

    assertArrayEquals(first.bundle().predict(PROBE), read.predict(PROBE));
    ModelMetadata metadata = read.metadata();
    assertEquals(first.bundle().version(), metadata.version());
    assertEquals(SyntheticDataset.CATEGORIES, metadata.schema().categories());
    assertEquals(2400, metadata.trainingStats().rows());
    assertTrue(metadata.trainingStats().hasDriftBins(), "new bundles carry the drift bins");
    assertEquals(1.0, metadata.trainingStats().predictionBins().shares().stream().mapToDouble(d -> d).sum(), 1e-9);
    assertTrue(Files.size(dir.resolve("card/roc.png")) > 1000);
    assertTrue(Files.size(dir.resolve("card/calibration.png")) > 1000);
    String card = Files.readString(dir.resolve("card/model-card.md"));
    assertTrue(card.contains("best achievable AUC"), card);
    assertTrue(card.contains("![ROC curve](roc.png)"), card);
  }
}
