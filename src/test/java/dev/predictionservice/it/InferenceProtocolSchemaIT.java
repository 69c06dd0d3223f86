package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static dev.predictionservice.it.OpenInferenceSchemas.assertValid;
import static dev.predictionservice.it.V2.INFER;
import static dev.predictionservice.it.V2.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real /v2 responses validate against the schemas of the specification's own OpenAPI file. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InferenceProtocolSchemaIT {

  private static final String REQUEST = "{\"id\":\"7\",\"parameters\":{\"a\":1},\"inputs\":["
      + "{\"name\":\"age\",\"shape\":[3,1],\"datatype\":\"INT32\",\"data\":[[18],[45],[90]]},"
      + "{\"name\":\"income\",\"shape\":[3],\"datatype\":\"FP64\",\"data\":[0,65000.5,1e6]},"
      + "{\"name\":\"category\",\"shape\":[3],\"datatype\":\"BYTES\",\"data\":[\"A\",\"B\",\"C\"]}],"
      + "\"outputs\":[{\"name\":\"prediction\",\"parameters\":{\"b\":true}}]}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return json(response);
  }

  @Test
  void theValidatorRejectsWhatTheSchemasForbid() {
    assertFalse(OpenInferenceSchemas.validate("inference_response",
        V2.parse("{\"model_name\":1,\"outputs\":[{\"name\":\"p\",\"shape\":[1.5],\"datatype\":\"FP32\"}]}"))
        .isEmpty());
    assertFalse(OpenInferenceSchemas.validate("metadata_server_response", V2.parse("{\"name\":\"x\"}")).isEmpty());
  }

  @Test
  void theRequestsOfTheseTestsFollowTheSpecification() {
    assertValid("inference_request", V2.parse(REQUEST));
    assertValid("inference_request", V2.parse(InferenceProtocolIT.TWO_ROWS));
  }

  @Test
  void serverMetadata() {
    assertValid("metadata_server_response", ok(get("/v2")));
  }

  @Test
  void modelMetadata() {
    JsonNode metadata = ok(get("/v2/models/" + MODEL));
    assertValid("metadata_model_response", metadata);
    String version = metadata.get("versions").get(0).asText();
    assertValid("metadata_model_response", ok(get("/v2/models/" + MODEL + "/versions/" + version)));
  }

  @Test
  void inference() {
    JsonNode response = ok(postJson(INFER, REQUEST));
    assertValid("inference_response", response);
    assertEquals(3, response.get("outputs").get(0).get("data").size());
    assertValid("inference_response", ok(postJson(INFER, InferenceProtocolIT.TWO_ROWS)));
  }

  @Test
  void errors() {
    assertValid("inference_error_response", json(postJson(INFER, "{\"inputs\":[]}")));
    assertValid("inference_error_response", json(postJson(INFER, "not json")));
    assertValid("inference_error_response", json(postJson("/v2/models/other/infer", REQUEST)));
    assertValid("metadata_model_error_response", json(get("/v2/models/other")));
    assertValid("metadata_server_error_response", json(get("/v2/nothing-here")));
  }
}
