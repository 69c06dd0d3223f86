package dev.predictionservice.training;

import dev.predictionservice.models.entity.FeatureSchema;

/** Schemas shared by the tests. */
final class ModelSchemas {

  static final FeatureSchema DEFAULT = FeatureSchema.withCategories(SyntheticDataset.CATEGORIES);

  private ModelSchemas() {}
}
