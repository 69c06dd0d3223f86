package dev.predictionservice.inferenceprotocol.control;

import static dev.predictionservice.inferenceprotocol.control.TensorConverterTest.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorDataTest {

  private static List<Integer> flatten(List<Long> shape, String data) {
    return TensorData.flatten(input("t", "INT32", shape, data)).stream().map(JsonNode::asInt).toList();
  }

  private static String error(List<Long> shape, String data) {
    return assertThrows(InferenceRequestException.class, () -> flatten(shape, data)).getMessage();
  }

  @Test
  void flatAndNestedFormsGiveTheSameRowMajorValues() {
    assertEquals(List.of(1, 2, 4, 5), flatten(List.of(2L, 2L), "[1, 2, 4, 5]"));
    assertEquals(List.of(1, 2, 4, 5), flatten(List.of(2L, 2L), "[[1, 2], [4, 5]]"));
    assertEquals(List.of(1, 2, 3), flatten(List.of(3L, 1L), "[[1], [2], [3]]"));
    assertEquals(List.of(), flatten(List.of(0L), "[]"));
  }

  @Test
  void flatDataMustFillTheShape() {
    assertEquals("input 't': 'data' has 3 values but shape [2, 2] needs 4", error(List.of(2L, 2L), "[1, 2, 3]"));
  }

  @Test
  void raggedOrMisshapenNestingIsAnError() {
    assertTrue(error(List.of(2L, 2L), "[[1, 2], [3]]").contains("ragged"));
    assertTrue(error(List.of(2L, 1L), "[1, [2]]").contains("ragged"));
    assertTrue(error(List.of(2L), "[[1], [2]]").contains("ragged"));
    assertTrue(error(List.of(1L, 2L), "[[1, 2], [3, 4]]").contains("does not match shape [1, 2]"));
  }
}
