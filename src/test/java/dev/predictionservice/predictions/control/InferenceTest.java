package dev.predictionservice.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.predictionservice.platform.FieldError;
import org.junit.jupiter.api.Test;

class InferenceTest {

  @Test
  void predictorErrorsAreNamedByTensorAndElement() {
    assertEquals("input 'category' element 3: must be one of [A, B, C]",
        Inference.describe(new FieldError("instances[3].category", "must be one of [A, B, C]")));
    assertEquals("the inputs must hold at most 1000 rows, got 1001",
        Inference.describe(new FieldError("instances", "must hold at most 1000 instances, got 1001")));
  }
}
