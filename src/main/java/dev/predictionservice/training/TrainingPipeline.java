package dev.predictionservice.training;

import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

/** Split, train, evaluate, describe: everything between a data set and a written bundle. */
public final class TrainingPipeline {

  private static final Logger LOG = Logger.getLogger(TrainingPipeline.class.getName());

  /** What a run produced. */
  public record Outcome(ModelBundle bundle, Evaluation.Result evaluation) {}

  private TrainingPipeline() {}

  public static Outcome run(List<TrainingRow> rows, List<String> categories, TrainingOptions options, String source,
      String version) {
    Split split = split(rows, options);
    List<TrainingRow> test = split.test();
    List<TrainingRow> train = split.train();
    LOG.info(() -> "Training on " + train.size() + " rows, evaluating on " + test.size());

    FeatureSchema schema = FeatureSchema.withCategories(categories);
    Trainer.Trained trained = Trainer.train(train, schema, options);
    ModelBundle unversioned = new ModelBundle(placeholder(schema), trained.network(), trained.normalizer());
    float[] predicted = unversioned.predict(Trainer.toDataSet(test, schema).getFeatures().toFloatMatrix());
    Evaluation.Result evaluation = Evaluation.evaluate(test, predicted);

    ModelMetadata metadata =
        new ModelMetadata(
            version != null ? version : versionOf(trained),
            Instant.now(),
            schema,
            TrainingStats.of(train, categories,
                TrainingScores.of(trained.network(), trained.normalizer(), train, schema)),
            evaluation.metrics(),
            options.seed(),
            options.asMap(),
            source);
    return new Outcome(new ModelBundle(metadata, trained.network(), trained.normalizer()), evaluation);
  }

  /** The rows trained on and the held-out rows: a shuffle by the seed, the first {@code testFraction} held out. */
  record Split(List<TrainingRow> train, List<TrainingRow> test) {}

  static Split split(List<TrainingRow> rows, TrainingOptions options) {
    List<TrainingRow> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(options.seed()));
    int testRows = Math.max(1, (int) Math.round(shuffled.size() * options.testFraction()));
    return new Split(shuffled.subList(testRows, shuffled.size()), shuffled.subList(0, testRows));
  }

  public static void write(Outcome outcome, Path bundleFile, Path cardDir) throws IOException {
    ModelBundleFiles.write(outcome.bundle(), bundleFile);
    if (cardDir != null) {
      ModelCard.write(cardDir, outcome.bundle().metadata(), outcome.evaluation().rocCurve());
    }
  }

  /** The default version names the weights: the same training gives the same version, other weights another. */
  static String versionOf(Trainer.Trained trained) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (float value : trained.network().params().toFloatVector()) {
        sha.update(ByteBuffer.allocate(4).putFloat(value).array());
      }
      for (float value : trained.normalizer().getMean().toFloatVector()) {
        sha.update(ByteBuffer.allocate(4).putFloat(value).array());
      }
      return "m-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static ModelMetadata placeholder(FeatureSchema schema) {
    return new ModelMetadata("unversioned", Instant.EPOCH, schema, null, null, 0, java.util.Map.of(), "");
  }
}
