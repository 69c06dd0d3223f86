package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.inference.control.DenseNetworkReader;
import dev.predictionservice.inference.control.EngineCheck;
import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The check rows of the committed default model, and its Java engine against DL4J on them. */
class CheckRowsTest {

  private static final ModelBundle DEFAULT = ModelBundleFiles.read(Path.of("src/main/resources/model/default.bundle"));

  @Test
  void coverTheTrainingRangeOfEveryCategoryAndAreTheSameEachTime() {
    float[][] rows = CheckRows.of(DEFAULT.metadata());

    assertEquals(4 * 9 + CheckRows.SPREAD_ROWS, rows.length);
    assertArrayEquals(rows, CheckRows.of(DEFAULT.metadata()));
    for (float[] row : rows) {
      assertTrue(row[0] >= 18 && row[0] <= 90, "age " + row[0]);
      assertTrue(row[1] >= 5142 && row[1] <= 250_000, "income " + row[1]);
      assertEquals(1f, row[2] + row[3] + row[4] + row[5], "one category");
    }
  }

  @Test
  void withoutTrainingStatisticsTheSchemaRangeIsUsed() {
    ModelMetadata m = DEFAULT.metadata();
    float[][] rows = CheckRows.of(new ModelMetadata(m.version(), m.created(), m.schema(), null, m.metrics(), m.seed(),
        m.hyperParameters(), m.dataSource()));

    assertTrue(rows.length > CheckRows.SPREAD_ROWS);
    for (float[] row : rows) {
      assertTrue(row[0] >= 0 && row[0] <= 120 && row[1] >= 0 && row[1] <= 250_000);
    }
  }

  @Test
  void theDefaultModelsJavaEngineAgreesWithDl4j() {
    EngineCheck.Result result = EngineCheck.compare(DenseNetworkReader.read(DEFAULT.network(), DEFAULT.normalizer()),
        new Dl4jNetwork(DEFAULT.network(), DEFAULT.normalizer()), CheckRows.of(DEFAULT.metadata()));

    assertTrue(result.agrees(), result.toString());
  }
}
