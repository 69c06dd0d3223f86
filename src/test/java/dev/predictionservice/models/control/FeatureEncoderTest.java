package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.predictionservice.models.entity.FeatureSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {

  private final FeatureSchema schema = FeatureSchema.withCategories(List.of("A", "B", "C"));

  @Test
  void encodesNumbersThenOneHotCategory() {
    assertArrayEquals(new float[] {35, 50000, 0, 1, 0}, FeatureEncoder.encode(schema, 35, 50000, "B"));
    assertEquals(5, schema.width());
  }

  @Test
  void unknownCategoryIsNull() {
    assertNull(FeatureEncoder.encode(schema, 35, 50000, "Z"));
    assertNull(FeatureEncoder.encode(schema, 35, 50000, "a"));
  }
}
