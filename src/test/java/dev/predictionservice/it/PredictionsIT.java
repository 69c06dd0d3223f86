package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The prediction endpoints on a real Liberty with the real trained model. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PredictionsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void predictsOneInstance() {
    HttpResponse<String> response = postJson("/predict", "{\"age\":35,\"income\":50000,\"category\":\"A\"}");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = json(response);
    double prediction = body.get("prediction").asDouble();
    assertTrue(prediction >= 0 && prediction <= 1, "prediction in [0,1]: " + prediction);
    assertTrue(body.get("model_version").asText().startsWith("m-"), response.body());
    assertTrue(response.headers().firstValue("X-Request-ID").isPresent());
  }
}
