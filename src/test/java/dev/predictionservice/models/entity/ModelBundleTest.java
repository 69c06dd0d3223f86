package dev.predictionservice.models.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.training.SyntheticDataset;
import dev.predictionservice.training.TrainingOptions;
import dev.predictionservice.training.TrainingPipeline;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A bundle from the trainer scores with DL4J, its standardization done in Java: the same as DL4J's own normalizer
 * and output, within a tolerance (ND4J's low bits are not the same on every CPU).
 */
class ModelBundleTest {

  private static ModelBundle model;

  @BeforeAll
  static void trainSmallModel() {
    model = TrainingPipeline.run(SyntheticDataset.generate(5, 1000), SyntheticDataset.CATEGORIES,
        TrainingOptions.defaults(5).withEpochs(1), "test", "bundle-test").bundle();
  }

  @Test
  void predictEqualsDl4jNormalizerAndOutput() {
    Random random = new Random(11);
    for (int size : new int[] {1, 2, 7, 64, 300}) {
      float[][] rows = new float[size][];
      for (int i = 0; i < size; i++) {
        rows[i] = FeatureEncoder.encode(model.schema(), 18 + random.nextInt(73), random.nextDouble() * 250_000,
            SyntheticDataset.CATEGORIES.get(random.nextInt(4)));
      }
      INDArray input = Nd4j.create(rows);
      model.normalizer().transform(input);
      float[] expected = model.network().output(input, false).reshape(size).toFloatVector();

      float[] actual = model.predict(rows);

      assertEquals(size, actual.length);
      assertArrayEquals(expected, actual, 1e-6f, "batch of " + size);
    }
  }
}
