package dev.predictionservice.models.entity;

import java.util.List;

/**
 * The inputs a model accepts. The numeric ranges are the API contract; the categories are the ones the model was
 * trained on, in the order of their one-hot columns.
 */
public record FeatureSchema(int ageMin, int ageMax, double incomeMin, double incomeMax, List<String> categories) {

  public static final int AGE_MIN = 0;
  public static final int AGE_MAX = 120;
  public static final double INCOME_MIN = 0;
  public static final double INCOME_MAX = 1e9;

  public FeatureSchema {
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  public static FeatureSchema withCategories(List<String> categories) {
    return new FeatureSchema(AGE_MIN, AGE_MAX, INCOME_MIN, INCOME_MAX, categories);
  }

  /** Width of the encoded row: age, income, one column per category. */
  public int width() {
    return 2 + categories.size();
  }
}
