package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.RolloutCalls.admin;
import static dev.predictionservice.it.RolloutCalls.predict;
import static dev.predictionservice.it.RolloutCalls.versionFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The canary on a real Liberty: a 20 % split answers 20 % +- 3 % of 5,000 requests with the candidate, one request id
 * (or X-Canary-Key) always gets one version, /predict/batch and V2 follow the same split, metrics and the prediction
 * log count the candidate's answers under its version; promote makes it active for all, abort returns all to the
 * active one. Bad settings are 4xx problems.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CanaryIT {

  private static final int REQUESTS = 5_000;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void aTwentyPercentCanarySplitsByRequestIdThenPromoteMakesTheCandidateActive() throws Exception {
    String active = ModelsAdminIT.activeVersion();
    String candidate = RolloutCalls.registerSecondVersion(43);
    String run = "canary-" + UUID.randomUUID();
    try {
      HttpResponse<String> set = admin("PUT", "/models/canary", canary(candidate, 0.2));
      assertEquals(200, set.statusCode(), set.body());
      assertEquals(0.2, json(admin("GET", "/models/canary", null)).get("weight").asDouble());

      Map<String, String> seen = new HashMap<>();
      for (int i = 0; i < REQUESTS; i++) {
        String id = run + "-" + i;
        seen.put(id, versionFor(id));
      }
      long toCandidate = seen.values().stream().filter(candidate::equals).count();
      double share = toCandidate / (double) REQUESTS;
      assertTrue(share >= 0.17 && share <= 0.23, toCandidate + " of " + REQUESTS + " answered by the candidate");
      assertEquals(REQUESTS - toCandidate, seen.values().stream().filter(active::equals).count(), "no third version");
      assertEquals(toCandidate, RolloutCalls.metric("predictions_total", "endpoint", "single", "model_version",
          candidate), "the candidate's answers are counted under its version");
      assertEquals(toCandidate, loggedRows(run + "-%", candidate), "and logged under it");
      assertEquals(REQUESTS - toCandidate, loggedRows(run + "-%", active), "the others under the active version");

      for (int i = 0; i < 300; i++) {
        String id = run + "-" + i;
        assertEquals(seen.get(id), versionFor(id), "request id " + id + " again");
        String batch = "{\"instances\":[" + RolloutCalls.ROW + "," + RolloutCalls.ROW + "]}";
        assertEquals(seen.get(id), json(predict("/predict/batch", id, null, batch)).get("model_version").asText());
        assertEquals(seen.get(id), json(predict(V2.INFER, id, null, V2.request("[35]", "[50000]", "[\"A\"]")))
            .get("model_version").asText(), "V2 follows the same split");
      }
      String keyed = json(predict("/predict", run + "-k0", "client-42", RolloutCalls.ROW)).get("model_version")
          .asText();
      for (int i = 1; i < 50; i++) {
        assertEquals(keyed, json(predict("/predict", run + "-k" + i, "client-42", RolloutCalls.ROW))
            .get("model_version").asText(), "one X-Canary-Key, one version");
      }
      assertEquals(active, json(predict("/predict?version=" + active, firstFor(seen, candidate), null,
          RolloutCalls.ROW)).get("model_version").asText(), "a named version wins over the split");


      HttpResponse<String> promoted = admin("POST", "/models/canary/promote", null);
      assertEquals(200, promoted.statusCode(), promoted.body());
      assertEquals(candidate, json(promoted).get("active").asText());
      assertEquals(candidate, ModelsAdminIT.activeVersion());
      assertEquals(404, admin("GET", "/models/canary", null).statusCode(), "promote clears the split");
      for (int i = 0; i < 200; i++) {
        assertEquals(candidate, versionFor(run + "-" + i), "after promote, every request");
      }
    } finally {
      admin("DELETE", "/models/canary", null);
      ModelsAdminIT.call("POST", "/models/" + active + "/activate", ModelsAdminIT.adminToken(), null);
      RolloutCalls.remove(candidate);
    }
  }

  @Test
  void abortSendsEveryRequestBackToTheActiveVersion() throws Exception {
    String active = ModelsAdminIT.activeVersion();
    String candidate = RolloutCalls.registerSecondVersion(44);
    String run = "abort-" + UUID.randomUUID();
    try {
      assertEquals(200, admin("PUT", "/models/canary", canary(candidate, 0.5)).statusCode());
      long toCandidate = 0;
      for (int i = 0; i < 200; i++) {
        toCandidate += candidate.equals(versionFor(run + "-" + i)) ? 1 : 0;
      }
      assertTrue(toCandidate > 50 && toCandidate < 150, toCandidate + " of 200 at 50 %");

      assertEquals(204, admin("DELETE", "/models/canary", null).statusCode());
      assertEquals(404, admin("GET", "/models/canary", null).statusCode());
      for (int i = 0; i < 200; i++) {
        assertEquals(active, versionFor(run + "-" + i), "after abort, every request");
      }
      assertEquals(active, ModelsAdminIT.activeVersion());
    } finally {
      admin("DELETE", "/models/canary", null);
      RolloutCalls.remove(candidate);
    }
  }

  @Test
  void badSettingsAreProblemsAndTheCallsNeedTheAdminRole() {
    String active = ModelsAdminIT.activeVersion();
    assertProblem(admin("PUT", "/models/canary", canary(active, 1.5)), 422);
    assertProblem(admin("PUT", "/models/canary", "{\"version\":\"m-x\",\"weight\":-0.1}"), 422);
    assertProblem(admin("PUT", "/models/canary", "{\"version\":\"m-x\""), 400);
    assertProblem(admin("PUT", "/models/canary", "{\"version\":\"m-x\",\"weight\":\"a lot\"}"), 400);
    assertProblem(admin("PUT", "/models/canary", "{\"version\":\"m-x\",\"weight\":0.1,\"other\":1}"), 400);
    assertProblem(admin("PUT", "/models/canary", canary("m-000000000000", 0.1)), 404);
    assertProblem(admin("PUT", "/models/canary", canary(active, 0.1)), 409);
    assertProblem(admin("POST", "/models/canary/promote", null), 404);
    assertProblem(admin("PUT", "/models/canary", canary(active, 0.1), null), 401);
    assertProblem(admin("PUT", "/models/canary", canary(active, 0.1), TestTokens.token("reader")), 403);
    assertProblem(admin("PUT", "/models/shadow", "{\"version\":\"m-x\",\"fraction\":2}"), 422);
    assertProblem(admin("PUT", "/models/shadow", "{\"version\":\"" + active + "\",\"fraction\":0.1}"), 409);
    assertProblem(admin("GET", "/models/shadow", null), 404);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    if (status != 401) {
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
          response.headers().toString());
    }
  }

  static String canary(String version, double weight) {
    return "{\"version\":\"" + version + "\",\"weight\":" + weight + "}";
  }

  private static String firstFor(Map<String, String> seen, String version) {
    return seen.entrySet().stream().filter(e -> e.getValue().equals(version)).findFirst().orElseThrow().getKey();
  }

  /** The log rows of this run answered by {@code version}, once the writer has written all 5,000. */
  private static long loggedRows(String like, String version) throws Exception {
    for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; ) {
      if (TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ?", like) >= REQUESTS) {
        break;
      }
      Thread.sleep(200);
    }
    return TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ? AND model_version = ?"
        + " AND NOT shadow", like, version);
  }
}
