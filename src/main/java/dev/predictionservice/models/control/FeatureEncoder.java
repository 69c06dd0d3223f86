package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.FeatureSchema;

/**
 * Encodes one instance into the model's input row: age, income, then a one-hot column per category of the schema.
 * Shared by the trainer and the server, so that both encode the same way.
 */
public final class FeatureEncoder {

  private FeatureEncoder() {}

  /**
   * Encodes one instance.
   *
   * @return the row, or {@code null} when the category is not one of the schema's
   */
  public static float[] encode(FeatureSchema schema, double age, double income, String category) {
    int categoryIndex = schema.categories().indexOf(category);
    if (categoryIndex < 0) {
      return null;
    }
    float[] row = new float[schema.width()];
    row[0] = (float) age;
    row[1] = (float) income;
    row[2 + categoryIndex] = 1f;
    return row;
  }
}
