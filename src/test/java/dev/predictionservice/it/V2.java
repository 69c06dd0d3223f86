package dev.predictionservice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;

/** Helpers for Open Inference Protocol requests in the integration tests. */
final class V2 {

  static final String MODEL = "prediction-model";
  static final String INFER = "/v2/models/" + MODEL + "/infer";

  private V2() {}

  /** A request body with the three inputs of shape [n], given as JSON arrays. */
  static String request(String ages, String incomes, String categories) {
    return "{\"inputs\":[" + tensor("age", "INT64", ages) + "," + tensor("income", "FP64", incomes) + ","
        + tensor("category", "BYTES", categories) + "]}";
  }

  static String tensor(String name, String datatype, String data) {
    int rows = parse(data).size();
    return "{\"name\":\"" + name + "\",\"shape\":[" + rows + "],\"datatype\":\"" + datatype + "\",\"data\":" + data
        + "}";
  }

  static JsonNode parse(String json) {
    try {
      return LibertyServer.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }

  /** The response is the protocol's error object: the status, JSON, and only an "error" string. */
  static String assertError(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "content type of " + response.body() + ": " + response.headers().firstValue("Content-Type"));
    JsonNode body = LibertyServer.json(response);
    assertEquals(List.of("error"), iterable(body.fieldNames()), response.body());
    assertTrue(body.get("error").isTextual(), response.body());
    return body.get("error").asText();
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  static List<Float> predictions(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    List<Float> values = new java.util.ArrayList<>();
    LibertyServer.json(response).get("outputs").get(0).get("data").forEach(v -> values.add(v.floatValue()));
    return values;
  }
}
