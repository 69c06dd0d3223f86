package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.ModelMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows on which a model's Java engine is checked against DL4J at every load: the corners and centre of the
 * training data's range for each category, plus rows spread evenly over that range. Fixed by the metadata alone, so
 * every replica checks the same rows. A bundle without training statistics is checked over the schema's age range
 * and incomes up to 250,000.
 */
public final class CheckRows {

  static final int SPREAD_ROWS = 256;
  private static final double R2_X = 0.7548776662466927; // 1 / g and 1 / g^2, g the plastic number
  private static final double R2_Y = 0.5698402909980532;

  private CheckRows() {}

  public static float[][] of(ModelMetadata metadata) {
    FeatureSchema schema = metadata.schema();
    FeatureStats stats = metadata.trainingStats();
    double[] age = stats == null || stats.age() == null ? new double[] {schema.ageMin(), schema.ageMax()}
        : new double[] {stats.age().min(), stats.age().max()};
    double[] income = stats == null || stats.income() == null
        ? new double[] {schema.incomeMin(), Math.min(schema.incomeMax(), 250_000)}
        : new double[] {stats.income().min(), stats.income().max()};
    List<float[]> rows = new ArrayList<>();
    for (String category : schema.categories()) {
      for (double a : new double[] {age[0], (age[0] + age[1]) / 2, age[1]}) {
        for (double i : new double[] {income[0], (income[0] + income[1]) / 2, income[1]}) {
          rows.add(FeatureEncoder.encode(schema, Math.rint(a), i, category));
        }
      }
    }
    // The R2 low-discrepancy sequence (Roberts 2018): points spread evenly over the age x income rectangle, the same
    // on every machine without a random generator.
    for (int r = 1; r <= SPREAD_ROWS; r++) {
      double a = Math.rint(age[0] + fraction(r * R2_X) * (age[1] - age[0]));
      double i = income[0] + fraction(r * R2_Y) * (income[1] - income[0]);
      String category = schema.categories().get(r % schema.categories().size());
      rows.add(FeatureEncoder.encode(schema, a, i, category));
    }
    return rows.toArray(float[][]::new);
  }

  private static double fraction(double x) {
    return x - Math.floor(x);
  }
}
