package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static dev.predictionservice.it.V2.INFER;
import static dev.predictionservice.it.V2.predictions;
import static dev.predictionservice.it.V2.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /predict, /predict/batch and /v2/.../infer score the same input the same way, with the same model. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InferenceConsistencyIT {

  private static final int[] AGES = {0, 18, 35, 62, 120};
  private static final double[] INCOMES = {0, 12345.5, 50000, 120000, 1_000_000_000};
  private static final String[] CATEGORIES = {"A", "B", "C", "A", "C"};

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void predictAndInferAgree() {
    List<Float> single = new ArrayList<>();
    String version = null;
    for (int i = 0; i < AGES.length; i++) {
      JsonNode body = json(postJson("/predict", "{\"age\":" + AGES[i] + ",\"income\":" + INCOMES[i]
          + ",\"category\":\"" + CATEGORIES[i] + "\"}"));
      // /predict widens the model's float32 to double; narrowing it back is exact.
      single.add(body.get("prediction").floatValue());
      version = body.get("model_version").asText();
    }
    String ages = java.util.Arrays.toString(AGES);
    String incomes = java.util.Arrays.toString(INCOMES);
    String categories = "[\"" + String.join("\",\"", CATEGORIES) + "\"]";

    var inferResponse = postJson(INFER, request(ages, incomes, categories));
    assertEquals(single, predictions(inferResponse));
    assertEquals(version, json(inferResponse).get("model_version").asText());

    StringBuilder batch = new StringBuilder("{\"instances\":[");
    for (int i = 0; i < AGES.length; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"age\":").append(AGES[i]).append(",\"income\":").append(INCOMES[i])
          .append(",\"category\":\"").append(CATEGORIES[i]).append("\"}");
    }
    List<Float> fromBatch = new ArrayList<>();
    json(postJson("/predict/batch", batch + "]}")).get("predictions").forEach(p -> fromBatch.add(p.floatValue()));
    assertEquals(single, fromBatch);
  }

  @Test
  void inferIsCountedInThePredictionMetricsAsV2() {
    predictions(postJson(INFER, request("[35]", "[50000]", "[\"A\"]")));
    String metrics = get("/metrics?scope=application").body();
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("predictions_total") && l.contains("endpoint=\"v2\"")),
        metrics);
  }
}
