package dev.predictionservice.inferenceprotocol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.inferenceprotocol.entity.RequestInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorConverterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static RequestInput input(String name, String datatype, List<Long> shape, String data) {
    try {
      JsonNode tree = JSON.readTree(data);
      return new RequestInput(name, shape, datatype, null, tree);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<RequestInput> inputs(RequestInput age, RequestInput income, RequestInput category) {
    return List.of(age, income, category);
  }

  private static String error(List<RequestInput> inputs) {
    InferenceRequestException e =
        assertThrows(InferenceRequestException.class, () -> TensorConverter.toInstances(inputs));
    assertTrue(!e.unknownModel());
    return e.getMessage();
  }

  private static final RequestInput AGE = input("age", "INT64", List.of(2L), "[35, 62]");
  private static final RequestInput INCOME = input("income", "FP64", List.of(2L), "[50000, 120000.5]");
  private static final RequestInput CATEGORY = input("category", "BYTES", List.of(2L), "[\"A\", \"C\"]");

  @Test
  void convertsOneRequestPerRowInAnyInputOrder() {
    List<PredictionRequest> rows = TensorConverter.toInstances(List.of(CATEGORY, INCOME, AGE));
    assertEquals(List.of(new PredictionRequest(35, 50000.0, "A"), new PredictionRequest(62, 120000.5, "C")), rows);
  }

  @Test
  void acceptsNestedColumnsAndLosslessDatatypes() {
    List<PredictionRequest> rows = TensorConverter.toInstances(inputs(
        input("age", "FP32", List.of(2L, 1L), "[[35.0], [62]]"),
        input("income", "UINT32", List.of(2L, 1L), "[[50000], [120000]]"),
        input("category", "BYTES", List.of(2L, 1L), "[[\"A\"], [\"C\"]]")));
    assertEquals(List.of(new PredictionRequest(35, 50000.0, "A"), new PredictionRequest(62, 120000.0, "C")), rows);
  }

  @Test
  void namesMissingUnknownAndRepeatedInputs() {
    assertEquals("missing input 'category'", error(List.of(AGE, INCOME)));
    assertTrue(error(List.of(AGE, INCOME, CATEGORY, input("x", "FP32", List.of(1L), "[1]")))
        .startsWith("unknown input 'x'"));
    assertEquals("input 'age' is given more than once", error(List.of(AGE, AGE, INCOME, CATEGORY)));
  }

  @Test
  void rejectsMismatchedAndWrongShapes() {
    assertTrue(error(inputs(AGE, input("income", "FP64", List.of(1L), "[1]"), CATEGORY))
        .contains("same number of rows: 'age' has 2, 'income' has 1"));
    assertTrue(error(inputs(input("age", "INT64", List.of(1L, 2L), "[[1, 2]]"), INCOME, CATEGORY))
        .contains("shape must be [n] or [n, 1]"));
    assertTrue(error(inputs(input("age", "INT64", List.of(), "[1]"), INCOME, CATEGORY))
        .contains("shape must be [n] or [n, 1]"));
    RequestInput none = input("age", "INT64", List.of(0L), "[]");
    assertEquals("the inputs hold no rows", error(inputs(none, input("income", "FP64", List.of(0L), "[]"),
        input("category", "BYTES", List.of(0L), "[]"))));
  }

  @Test
  void rejectsDatatypesThatDoNotConvertWithoutLoss() {
    assertTrue(error(inputs(input("age", "FP16", List.of(2L), "[35, 62]"), INCOME, CATEGORY))
        .contains("'age': datatype must be one of INT8"));
    assertTrue(error(inputs(input("age", "BOOL", List.of(2L), "[true, false]"), INCOME, CATEGORY))
        .contains("'age': datatype must be one of INT8"));
    assertTrue(error(inputs(AGE, INCOME, input("category", "FP32", List.of(2L), "[1, 2]")))
        .contains("'category': datatype must be BYTES, got FP32"));
    assertTrue(error(inputs(AGE, input("income", "DOUBLE", List.of(2L), "[1, 2]"), CATEGORY))
        .contains("unknown datatype 'DOUBLE'"));
  }

  @Test
  void rejectsValuesOfTheWrongKind() {
    assertTrue(error(inputs(input("age", "INT8", List.of(2L), "[35, 300]"), INCOME, CATEGORY))
        .equals("input 'age' element 1: is not a INT8 value: 300"));
    assertTrue(error(inputs(input("age", "UINT8", List.of(2L), "[-1, 3]"), INCOME, CATEGORY))
        .contains("is not a UINT8 value: -1"));
    assertTrue(error(inputs(input("age", "INT32", List.of(2L), "[35.5, 3]"), INCOME, CATEGORY))
        .contains("is not a INT32 value: 35.5"));
    assertTrue(error(inputs(input("age", "FP64", List.of(2L), "[35.5, 3]"), INCOME, CATEGORY))
        .contains("must be a whole number of years"));
    assertTrue(error(inputs(input("age", "FP64", List.of(2L), "[1e300, 3]"), INCOME, CATEGORY))
        .contains("must be between 0 and 120"));
    assertTrue(error(inputs(AGE, input("income", "FP64", List.of(2L), "[\"1\", 2]"), CATEGORY))
        .contains("input 'income' element 0: must be a number"));
    assertTrue(error(inputs(AGE, INCOME, input("category", "BYTES", List.of(2L), "[\"A\", null]")))
        .contains("input 'category' element 1: must be a string"));
  }
}
