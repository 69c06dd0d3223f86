package dev.predictionservice.inferenceprotocol.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.platform.Problem;
import org.junit.jupiter.api.Test;

class InferenceErrorShapeTest {

  private static final InferenceErrorShape SHAPE = new InferenceErrorShape();

  @Test
  void onlyV2PathsGetTheProtocolsErrorShape() {
    assertTrue(SHAPE.owns("/v2"));
    assertTrue(SHAPE.owns("v2/models/x/infer"));
    assertTrue(SHAPE.owns("/v2/"));
    assertFalse(SHAPE.owns("/v20"));
    assertFalse(SHAPE.owns("/predict"));
    assertFalse(SHAPE.owns("/v2x/models"));
  }

  @Test
  void invalidInputIs400WithTheDetailAsTheError() {
    Problem problem = new Problem("/problems/validation-failed", "Invalid field", 422, "age: too old", "id", null);
    assertEquals(400, SHAPE.status(problem));
    assertEquals("age: too old", SHAPE.body(problem).error());
    assertEquals(431, SHAPE.status(new Problem("t", "x", 431, "d", "id", null)));
  }
}
