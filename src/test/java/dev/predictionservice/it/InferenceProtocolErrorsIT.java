package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.post;
import static dev.predictionservice.it.LibertyServer.postJson;
import static dev.predictionservice.it.V2.INFER;
import static dev.predictionservice.it.V2.MODEL;
import static dev.predictionservice.it.V2.assertError;
import static dev.predictionservice.it.V2.request;
import static dev.predictionservice.it.V2.tensor;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every class of /v2 error answers {"error": "..."} with the protocol's status, never problem+json, never 500. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InferenceProtocolErrorsIT {

  private static final String AGE = tensor("age", "INT64", "[35]");
  private static final String INCOME = tensor("income", "FP64", "[50000]");
  private static final String CATEGORY = tensor("category", "BYTES", "[\"A\"]");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  private static String inputs(String... tensors) {
    return "{\"inputs\":[" + String.join(",", tensors) + "]}";
  }

  /** Request body -> a fragment the error message must contain. */
  private static Map<String, String> badRequests() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\"inputs\":[", "not valid JSON");
    cases.put("[]", "must be a JSON object");
    cases.put("{}", "'inputs' is required");
    cases.put("{\"inputs\":[],\"extra\":1}", "unknown field 'extra'");
    cases.put("{\"id\":42,\"inputs\":[]}", "'id' must be a string");
    cases.put("{\"parameters\":{\"p\":null},\"inputs\":[]}", "parameter 'p' must be a string, number or boolean");
    cases.put(inputs(AGE, INCOME), "missing input 'category'");
    cases.put(inputs(AGE, INCOME, CATEGORY, tensor("colour", "BYTES", "[\"red\"]")), "unknown input 'colour'");
    cases.put(inputs(AGE, AGE, INCOME, CATEGORY), "input 'age' is given more than once");
    cases.put(inputs(AGE, tensor("income", "FP64", "[1, 2]"), CATEGORY), "same number of rows");
    cases.put(inputs(AGE.replace("[1]", "[1,2]"), INCOME, CATEGORY), "shape must be [n] or [n, 1]");
    cases.put(inputs(AGE.replace("[1]", "[2]"), INCOME.replace("[1]", "[2]"),
        CATEGORY.replace("[1]", "[2]")), "has 1 values but shape [2] needs 2");
    cases.put(inputs(AGE.replace("[1]", "[-1]"), INCOME, CATEGORY), "non-negative integers");
    cases.put(request("[[35], [40, 41]]", "[1, 2]", "[\"A\", \"B\"]"), "ragged");
    cases.put(request("[35, [40]]", "[1, 2]", "[\"A\", \"B\"]"), "ragged");
    cases.put(inputs(AGE.replace("INT64", "BYTES"), INCOME, CATEGORY), "'age': datatype must be one of INT8");
    cases.put(inputs(AGE.replace("INT64", "FP16"), INCOME, CATEGORY), "'age': datatype must be one of INT8");
    cases.put(inputs(AGE, INCOME.replace("FP64", "BOOL"), CATEGORY), "'income': datatype must be one of INT8");
    cases.put(inputs(AGE, INCOME, CATEGORY.replace("BYTES", "FP32")), "'category': datatype must be BYTES");
    cases.put(inputs(AGE.replace("INT64", "INT128"), INCOME, CATEGORY), "unknown datatype 'INT128'");
    cases.put(inputs(tensor("age", "INT8", "[300]"), INCOME, CATEGORY), "is not a INT8 value: 300");
    cases.put(inputs(tensor("age", "INT64", "[35.5]"), INCOME, CATEGORY), "is not a INT64 value");
    cases.put(inputs(tensor("age", "FP64", "[35.5]"), INCOME, CATEGORY), "must be a whole number of years");
    cases.put(inputs(tensor("age", "INT64", "[\"35\"]"), INCOME, CATEGORY), "must be a number");
    cases.put(inputs(AGE, INCOME, tensor("category", "BYTES", "[1]")), "must be a string");
    cases.put(inputs(tensor("age", "INT64", "[200]"), INCOME, CATEGORY),
        "input 'age' element 0: must be between 0 and 120");
    cases.put(inputs(AGE, tensor("income", "FP64", "[-1]"), CATEGORY), "input 'income' element 0: must be between");
    cases.put(request("[35, 40]", "[1, 2]", "[\"A\", \"Z\"]"), "input 'category' element 1: must be one of");
    cases.put(inputs(AGE.replace("[1]", "[0]").replace("[35]", "[]"), INCOME.replace("[1]", "[0]")
        .replace("[50000]", "[]"), CATEGORY.replace("[1]", "[0]").replace("[\"A\"]", "[]")), "no rows");
    cases.put(TWO_ROWS_WITH_OUTPUT, "unknown output 'score'");
    cases.put("{\"inputs\":[],\"inputs\":[]}", "inputs: is a duplicate key");
    cases.put("{\"inputs\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "nested too deeply");
    return cases;
  }

  private static final String TWO_ROWS_WITH_OUTPUT =
      "{\"inputs\":[" + AGE + "," + INCOME + "," + CATEGORY + "],\"outputs\":[{\"name\":\"score\"}]}";

  @Test
  void invalidRequestsAre400WithAMessage() {
    Executable[] checks = badRequests().entrySet().stream()
        .map(c -> (Executable) () -> {
          String error = assertError(postJson(INFER, c.getKey()), 400);
          assertTrue(error.contains(c.getValue()), "for " + c.getKey() + ": " + error);
          assertFalse(error.contains("Jackson") || error.contains("StreamReadConstraints"), error);
        })
        .toArray(Executable[]::new);
    assertAll(checks);
  }

  @Test
  void tooManyRowsIs400() {
    StringBuilder ages = new StringBuilder("[35");
    StringBuilder incomes = new StringBuilder("[1");
    StringBuilder categories = new StringBuilder("[\"A\"");
    for (int i = 1; i < 1001; i++) {
      ages.append(",35");
      incomes.append(",1");
      categories.append(",\"A\"");
    }
    String body = request(ages + "]", incomes + "]", categories + "]");
    String error = assertError(postJson(INFER, body), 400);
    assertTrue(error.contains("at most 1000 rows, got 1001"), error);
  }

  @Test
  void unknownModelOrVersionIs404() {
    String body = request("[35]", "[1]", "[\"A\"]");
    assertAll(
        () -> assertError(get("/v2/models/other"), 404),
        () -> assertError(get("/v2/models/other/ready"), 404),
        () -> assertError(postJson("/v2/models/other/infer", body), 404),
        () -> assertError(get("/v2/models/" + MODEL + "/versions/m-000000000000"), 404),
        () -> assertError(get("/v2/models/" + MODEL + "/versions/m-000000000000/ready"), 404),
        () -> {
          String error = assertError(postJson("/v2/models/" + MODEL + "/versions/m-000000000000/infer", body), 404);
          assertTrue(error.contains("version 'm-000000000000' of model '" + MODEL + "' is not loaded"), error);
        });
  }

  @Test
  void httpLevelErrorsUnderV2HaveTheProtocolShape() {
    String body = request("[35]", "[1]", "[\"A\"]");
    assertAll(
        () -> assertError(post(INFER, "text/plain", body), 415),
        () -> assertError(get(INFER), 405),
        () -> assertError(get("/v2/unknown"), 404),
        () -> assertError(get("/v2/models"), 404),
        () -> assertError(get("/v2/models/" + MODEL + "/unknown"), 404),
        () -> assertError(post(INFER, "application/json", ""), 400),
        () -> assertError(LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri(INFER))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":\"" + "x".repeat(1_100_000) + "\"}"))
            .build()), 413));
  }

  @Test
  void headerAndUrlErrorsThatLibertyRaisesFirstHaveTheProtocolShape() {
    String body = request("[35]", "[1]", "[\"A\"]");
    assertAll(
        () -> assertError(post(INFER, "/v2/x", body), 400),
        () -> assertError(post(INFER, "application/json; charset=klingon", body), 415),
        () -> assertError(get("/v2/models/" + MODEL + "%2fx"), 400),
        () -> assertError(RawHttp.send("POST " + INFER + " HTTP/1.1\r\nContent-Type: application/json"
            + "\r\nContent-Length: 99999999999", body), 413));
  }
}
