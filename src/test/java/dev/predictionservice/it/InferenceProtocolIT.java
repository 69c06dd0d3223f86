package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static dev.predictionservice.it.V2.INFER;
import static dev.predictionservice.it.V2.MODEL;
import static dev.predictionservice.it.V2.assertError;
import static dev.predictionservice.it.V2.predictions;
import static dev.predictionservice.it.V2.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Open Inference Protocol endpoints that succeed, on a real Liberty with the real trained model. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InferenceProtocolIT {

  static final String TWO_ROWS = request("[35, 62]", "[50000, 120000.5]", "[\"A\", \"C\"]");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  static String activeVersion() {
    return json(get("/v2/models/" + MODEL)).get("versions").get(0).asText();
  }

  @Test
  void serverMetadata() {
    for (String path : new String[] {"/v2", "/v2/"}) {
      HttpResponse<String> response = get(path);
      assertEquals(200, response.statusCode(), path + ": " + response.body());
      JsonNode body = json(response);
      assertEquals("prediction-service", body.get("name").asText());
      assertFalse(body.get("version").asText().isBlank());
      assertEquals(V2.parse("[\"model_repository\",\"statistics\"]"), body.get("extensions"), response.body());
      assertTrue(response.headers().firstValue("X-Request-ID").isPresent());
    }
  }

  @Test
  void serverHealth() {
    HttpResponse<String> live = get("/v2/health/live");
    assertEquals(200, live.statusCode());
    assertTrue(json(live).get("live").asBoolean());
    HttpResponse<String> ready = get("/v2/health/ready");
    assertEquals(200, ready.statusCode());
    assertTrue(json(ready).get("ready").asBoolean());
  }

  @Test
  void modelMetadataDescribesTheTensors() {
    JsonNode body = json(get("/v2/models/" + MODEL));
    assertEquals(MODEL, body.get("name").asText());
    assertEquals("deeplearning4j", body.get("platform").asText());
    assertTrue(body.get("versions").get(0).asText().startsWith("m-"), body.toString());
    assertEquals(
        V2.parse("[{\"name\":\"age\",\"datatype\":\"INT64\",\"shape\":[-1]},"
            + "{\"name\":\"income\",\"datatype\":\"FP64\",\"shape\":[-1]},"
            + "{\"name\":\"category\",\"datatype\":\"BYTES\",\"shape\":[-1]}]"),
        body.get("inputs"));
    assertEquals(V2.parse("[{\"name\":\"prediction\",\"datatype\":\"FP32\",\"shape\":[-1]}]"), body.get("outputs"));
    assertEquals(body, json(get("/v2/models/" + MODEL + "/versions/" + activeVersion())));
  }

  @Test
  void modelReady() {
    for (String path : new String[] {"/ready", "/versions/" + activeVersion() + "/ready"}) {
      HttpResponse<String> response = get("/v2/models/" + MODEL + path);
      assertEquals(200, response.statusCode(), response.body());
      assertEquals(V2.parse("{\"name\":\"" + MODEL + "\",\"ready\":true}"), json(response));
    }
  }

  @Test
  void infersSeveralRowsEchoingIdAndParameters() {
    String body = "{\"id\":\"req-42\",\"parameters\":{\"tag\":\"x\",\"n\":1,\"flag\":true},"
        + TWO_ROWS.substring(1);
    HttpResponse<String> response = postJson(INFER, body);

    assertEquals(200, response.statusCode(), response.body());
    JsonNode json = json(response);
    assertEquals(MODEL, json.get("model_name").asText());
    assertEquals(activeVersion(), json.get("model_version").asText());
    assertEquals("req-42", json.get("id").asText());
    assertEquals(V2.parse("{\"tag\":\"x\",\"n\":1,\"flag\":true}"), json.get("parameters"));
    JsonNode output = json.get("outputs").get(0);
    assertEquals(1, json.get("outputs").size());
    assertEquals("prediction", output.get("name").asText());
    assertEquals("FP32", output.get("datatype").asText());
    assertEquals(V2.parse("[2]"), output.get("shape"));
    assertEquals(2, output.get("data").size());
    output.get("data").forEach(p -> assertTrue(p.asDouble() >= 0 && p.asDouble() <= 1, p.toString()));
    assertFalse(json.has("id") && json.get("id").isNull());
  }

  @Test
  void withoutIdTheResponseHasNone() {
    JsonNode json = json(postJson(INFER, TWO_ROWS));
    assertFalse(json.has("id"), json.toString());
    assertFalse(json.has("parameters"), json.toString());
  }

  @Test
  void nestedDataColumnShapesAndLosslessDatatypesGiveTheSamePredictions() {
    String nested = "{\"inputs\":["
        + "{\"name\":\"category\",\"shape\":[2,1],\"datatype\":\"BYTES\",\"data\":[[\"A\"],[\"C\"]]},"
        + "{\"name\":\"age\",\"shape\":[2,1],\"datatype\":\"UINT8\",\"data\":[[35],[62]]},"
        + "{\"name\":\"income\",\"shape\":[2],\"datatype\":\"FP32\",\"data\":[50000,120000.5]}]}";
    String floats = request("[35.0, 62.0]", "[50000, 120000.5]", "[\"A\", \"C\"]").replace("INT64", "FP64");
    String ints = request("[35, 62]", "[50000, 120000.5]", "[\"A\", \"C\"]").replace("INT64", "INT8");

    var expected = predictions(postJson(INFER, TWO_ROWS));
    assertEquals(expected, predictions(postJson(INFER, nested)));
    assertEquals(expected, predictions(postJson(INFER, floats)));
    assertEquals(expected, predictions(postJson(INFER, ints)));
    assertEquals(expected,
        predictions(postJson("/v2/models/" + MODEL + "/versions/" + activeVersion() + "/infer", TWO_ROWS)));
  }

  @Test
  void outputSelectionReturnsTheOutputWithItsParameters() {
    String body = TWO_ROWS.substring(0, TWO_ROWS.length() - 1)
        + ",\"outputs\":[{\"name\":\"prediction\",\"parameters\":{\"p\":\"v\"}}]}";
    JsonNode output = json(postJson(INFER, body)).get("outputs").get(0);
    assertEquals("prediction", output.get("name").asText());
    assertEquals(V2.parse("{\"p\":\"v\"}"), output.get("parameters"));
  }

  @Test
  void predictStillAnswersProblemJson() {
    HttpResponse<String> response = postJson("/predict", "{\"age\":");
    assertEquals(400, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertError(postJson(INFER, "{\"age\":"), 400);
  }

  @Test
  void v2AppearsInTheOpenApiDocument() {
    JsonNode document = json(get("/openapi?format=JSON"));
    JsonNode paths = document.get("paths");
    for (String path : new String[] {"/v2", "/v2/health/live", "/v2/health/ready", "/v2/models/{model}",
        "/v2/models/{model}/versions/{version}", "/v2/models/{model}/ready",
        "/v2/models/{model}/versions/{version}/ready", "/v2/models/{model}/infer",
        "/v2/models/{model}/versions/{version}/infer", "/v2/models/stats", "/v2/models/{model}/stats",
        "/v2/models/{model}/versions/{version}/stats", "/v2/repository/index", "/v2/repository/models/{model}/load",
        "/v2/repository/models/{model}/unload"}) {
      assertTrue(paths.has(path), path + " in " + paths.fieldNames());
    }
    JsonNode schemas = document.get("components").get("schemas");
    for (String schema : new String[] {"inference_request", "inference_response", "inference_error_response",
        "request_input", "response_output", "metadata_model_response", "metadata_server_response",
        "model_statistics_response", "repository_index_entry"}) {
      assertTrue(schemas.has(schema), schema);
    }
    // Jackson's JsonNode (the type of a tensor's data) is documented as the protocol's tensor_data.
    assertFalse(schemas.has("JsonNode"), schemas.fieldNames().toString());
    assertTrue(schemas.get("request_input").get("properties").get("data").toString()
        .contains("#/components/schemas/tensor_data"), schemas.get("request_input").toString());
    String infer = paths.get("/v2/models/{model}/infer").get("post").toString();
    assertTrue(infer.contains("#/components/schemas/inference_request"), infer);
    assertTrue(infer.contains("#/components/schemas/inference_error_response"), infer);
  }
}
