package dev.predictionservice.inferenceprotocol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.predictions.entity.RowError;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorInputErrorsTest {

  private final TensorInputErrors errors = new TensorInputErrors("prediction-model");

  @Test
  void theFirstRefusedRowIsNamedByTensorAndElement() {
    InferenceRequestException e = (InferenceRequestException) errors.invalidRows(List.of(
        new RowError(3, "category", "must be one of [A, B, C]"), new RowError(5, "category", "must be one of [A]")));

    assertEquals("input 'category' element 3: must be one of [A, B, C]", e.getMessage());
    assertFalse(e.unknownModel());
  }

  @Test
  void tooManyRowsAndAnUnloadedVersionAreSaidTheProtocolsWay() {
    assertEquals("the inputs must hold at most 1000 rows, got 1001", errors.tooManyRows(1000, 1001).getMessage());
    InferenceRequestException e =
        (InferenceRequestException) errors.versionNotLoaded("m-x", List.of("m-a", "m-b"));
    assertEquals("version 'm-x' of model 'prediction-model' is not loaded; loaded versions: m-a, m-b",
        e.getMessage());
    assertTrue(e.unknownModel(), "a 404");
  }
}
