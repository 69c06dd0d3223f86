package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.RolloutCalls.admin;
import static dev.predictionservice.it.RolloutCalls.predict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 10 % shadow on a real Liberty: the callers' answers are the same bits as without it (same rows, same version),
 * the agreement metrics appear for the version pair, and the shadow's rows reach the prediction log flagged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShadowIT {

  private static final int REQUESTS = 600;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void aTenPercentShadowLeavesTheAnswersAndReportsAgreementAndFlaggedLogRows() throws Exception {
    String active = ModelsAdminIT.activeVersion();
    String shadow = RolloutCalls.registerSecondVersion(45);
    String run = "shadow-" + UUID.randomUUID();
    try {
      List<String> without = answers(run + "-off");
      HttpResponse<String> set = admin("PUT", "/models/shadow", "{\"version\":\"" + shadow + "\",\"fraction\":0.1}");
      assertEquals(200, set.statusCode(), set.body());
      assertEquals(0.1, json(admin("GET", "/models/shadow", null)).get("fraction").asDouble());

      assertEquals(without, answers(run + "-on"), "the same rows get the same answers, bit for bit, from " + active);

      double rows = -1;
      for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; ) {
        rows = RolloutCalls.metric("shadow_predictions_total", "model_version", active, "shadow_version", shadow);
        if (rows > 0 && shadowLogRows(run + "-on-%", shadow) >= rows) {
          break;
        }
        Thread.sleep(200);
      }
      assertTrue(rows > REQUESTS * 0.05 && rows < REQUESTS * 0.15, rows + " of " + REQUESTS + " rows shadowed");
      assertTrue(RolloutCalls.metric("shadow_absolute_difference_sum", "model_version", active, "shadow_version",
          shadow) > 0, "another network: some difference");
      assertTrue(RolloutCalls.metric("shadow_decision_flips_total", "model_version", active, "shadow_version",
          shadow) >= 0, "flips are counted per pair");
      assertEquals((long) rows, shadowLogRows(run + "-on-%", shadow), "each shadowed row is logged, flagged");
      assertEquals(0, shadowLogRows(run + "-off-%", shadow), "nothing shadowed before the setting");
      assertEquals(2L * REQUESTS, TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE"
          + " ? AND NOT shadow AND model_version = ?", run + "-%", active), "the callers' rows, unflagged");

      assertEquals(204, admin("DELETE", "/models/shadow", null).statusCode());
      assertEquals(404, admin("GET", "/models/shadow", null).statusCode());
    } finally {
      admin("DELETE", "/models/shadow", null);
      RolloutCalls.remove(shadow);
    }
  }

  /** The predictions for REQUESTS fixed rows, each with its own request id, as the exact text of the answer. */
  private static List<String> answers(String prefix) {
    List<String> answers = new ArrayList<>(REQUESTS);
    for (int i = 0; i < REQUESTS; i++) {
      String row = "{\"age\":" + (18 + i % 60) + ",\"income\":" + (1000 * i) + ",\"category\":\""
          + "ABCD".charAt(i % 4) + "\"}";
      JsonNode answer = json(predict("/predict", prefix + "-" + i, null, row));
      answers.add(answer.get("model_version").asText() + " " + answer.get("prediction").asText());
    }
    return answers;
  }

  private static long shadowLogRows(String like, String version) throws Exception {
    return TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ? AND shadow AND"
        + " model_version = ?", like, version);
  }
}
