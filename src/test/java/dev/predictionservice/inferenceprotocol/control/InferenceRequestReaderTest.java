package dev.predictionservice.inferenceprotocol.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.predictionservice.inferenceprotocol.entity.InferenceRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceRequestReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static InferenceRequest read(String json) {
    try {
      return InferenceRequestReader.read(json == null ? null : JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String error(String json) {
    return assertThrows(InferenceRequestException.class, () -> read(json)).getMessage();
  }

  @Test
  void readsEveryPartOfTheRequest() {
    InferenceRequest request = read("{\"id\":\"42\",\"parameters\":{\"s\":\"x\",\"n\":1.5,\"b\":false},"
        + "\"inputs\":[{\"name\":\"age\",\"shape\":[1],\"datatype\":\"INT32\",\"parameters\":{\"k\":1},"
        + "\"data\":[35]}],\"outputs\":[{\"name\":\"prediction\",\"parameters\":{\"o\":true}}]}");
    assertEquals("42", request.id());
    assertEquals(Map.of("s", "x", "n", 1.5, "b", false), request.parameters());
    assertEquals("age", request.inputs().get(0).name());
    assertEquals(List.of(1L), request.inputs().get(0).shape());
    assertEquals("INT32", request.inputs().get(0).datatype());
    assertEquals(Map.of("k", 1), request.inputs().get(0).parameters());
    assertEquals(35, request.inputs().get(0).data().get(0).asInt());
    assertEquals(Map.of("o", true), request.outputs().get(0).parameters());
  }

  @Test
  void optionalPartsMayBeAbsent() {
    InferenceRequest request = read("{\"inputs\":[]}");
    assertNull(request.id());
    assertNull(request.parameters());
    assertNull(request.outputs());
  }

  @Test
  void namesWhatIsWrong() {
    assertEquals("a JSON body is required", error(null));
    assertEquals("a JSON body is required", error("null"));
    assertEquals("the request must be a JSON object", error("[1]"));
    assertEquals("the request: unknown field 'input'", error("{\"input\":[]}"));
    assertEquals("the request: 'inputs' is required", error("{}"));
    assertEquals("the request: 'inputs' must be an array", error("{\"inputs\":{}}"));
    assertEquals("'id' must be a string", error("{\"id\":1,\"inputs\":[]}"));
    assertEquals("the request: 'parameters' must be an object", error("{\"parameters\":[],\"inputs\":[]}"));
    assertEquals("the request: parameter 'p' must be a string, number or boolean",
        error("{\"parameters\":{\"p\":{}},\"inputs\":[]}"));
    assertEquals("inputs[0] must be a JSON object", error("{\"inputs\":[1]}"));
    assertEquals("inputs[0]: 'name' is required", error("{\"inputs\":[{}]}"));
    assertEquals("inputs[0]: 'name' must be a string", error("{\"inputs\":[{\"name\":1}]}"));
    assertEquals("input 'a': 'shape' is required", error("{\"inputs\":[{\"name\":\"a\"}]}"));
    assertEquals("input 'a': 'shape' must hold non-negative integers, got [1.5]",
        error("{\"inputs\":[{\"name\":\"a\",\"shape\":[1.5]}]}"));
    assertEquals("input 'a': 'datatype' is required", error("{\"inputs\":[{\"name\":\"a\",\"shape\":[1]}]}"));
    assertEquals("input 'a': 'data' must be an array",
        error("{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":1}]}"));
    assertEquals("inputs[0]: unknown field 'contents'", error("{\"inputs\":[{\"contents\":1}]}"));
    assertEquals("outputs[0]: 'name' is required", error("{\"inputs\":[],\"outputs\":[{}]}"));
    assertEquals("outputs[0]: unknown field 'x'", error("{\"inputs\":[],\"outputs\":[{\"x\":1}]}"));
  }
}
