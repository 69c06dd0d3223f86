package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The model admin API: authentication, authorisation, refusals, and activation as hot swap and rollback. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelsAdminIT {

  /** A fresh model-admin token per call: one minted once expires (10 min) before a slow machine's IT run ends. */
  static String adminToken() {
    return TestTokens.token("model-admin");
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  static HttpResponse<String> call(String method, String path, String token, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(LibertyServer.uri(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/octet-stream");
    }
    request.method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return LibertyServer.send(request.build());
  }

  static String servedVersion() {
    HttpResponse<String> response = postJson("/predict", "{\"age\":35,\"income\":50000,\"category\":\"A\"}");
    assertEquals(200, response.statusCode(), response.body());
    return json(response).get("model_version").asText();
  }

  static String activeVersion() {
    for (JsonNode v : json(call("GET", "/models", adminToken(), null))) {
      if (v.get("active").asBoolean()) {
        return v.get("version").asText();
      }
    }
    throw new AssertionError("no active version");
  }

  @Test
  void withoutATokenIs401() {
    assertEquals(401, call("GET", "/models", null, null).statusCode());
    assertEquals(401, call("GET", "/models", "not.a.token", null).statusCode());
    assertEquals(401, call("GET", "/models", TestTokens.tokenFrom("https://someone.else", "model-admin"), null)
        .statusCode());
  }

  @Test
  void expiredWrongAudienceAndTooOldTokensAre401() {
    long now = System.currentTimeMillis() / 1000;
    assertEquals(401, call("GET", "/models", TestTokens.forAudience("some-other-service"), null).statusCode(),
        "wrong audience");
    assertEquals(401, call("GET", "/models", TestTokens.forAudience(null), null).statusCode(), "no audience");
    // Expired 90 s ago: beyond the 60 s clock skew (Liberty's own default of 5 minutes would accept it).
    assertEquals(401, call("GET", "/models", TestTokens.issuedAt(now - 690, now - 90), null).statusCode(),
        "expired beyond the skew");
    // Expired 20 s ago: within the skew, so a slightly fast issuer clock does not lock admins out.
    assertEquals(200, call("GET", "/models", TestTokens.issuedAt(now - 620, now - 20), null).statusCode(),
        "expired within the skew");
    // Not expired, but issued more than mp.jwt.verify.token.age (3600 s) ago.
    assertEquals(401, call("GET", "/models", TestTokens.issuedAt(now - 4000, now + 600), null).statusCode(),
        "older than the token age");
  }

  @Test
  void theWrongGroupIs403() {
    HttpResponse<String> response = call("GET", "/models", TestTokens.token("data-scientist"), null);
    assertEquals(403, response.statusCode(), response.body());
  }

  @Test
  void predictionsStayOpen() {
    assertTrue(servedVersion().startsWith("m-"));
  }

  @Test
  void listsAndShowsTheActiveVersion() {
    String active = activeVersion();
    HttpResponse<String> show = call("GET", "/models/" + active, adminToken(), null);
    assertEquals(200, show.statusCode(), show.body());
    assertTrue(json(show).get("version").get("active").asBoolean());
    assertEquals(active, json(show).get("metadata").get("version").asText());
    assertEquals(404, call("GET", "/models/no-such-version", adminToken(), null).statusCode());
  }

  @Test
  void corruptAndIncompatibleUploadsAre422AndChangeNothing() throws Exception {
    int before = json(call("GET", "/models", adminToken(), null)).size();
    double refusedBefore = refusedLoads();
    HttpResponse<String> garbage = call("POST", "/models", adminToken(), "not a zip at all".getBytes());
    assertEquals(422, garbage.statusCode(), garbage.body());
    assertEquals("application/problem+json", garbage.headers().firstValue("Content-Type").orElse(""));
    String version = "m-it-bad-" + UUID.randomUUID();
    HttpResponse<String> incompatible = call("POST", "/models", adminToken(), TestBundles.incompatible(version));
    assertEquals(422, incompatible.statusCode(), incompatible.body());
    assertTrue(json(incompatible).get("detail").asText().contains("inputs"), incompatible.body());
    assertEquals(before, json(call("GET", "/models", adminToken(), null)).size());
    assertEquals(404, call("GET", "/models/" + version, adminToken(), null).statusCode());
    assertTrue(refusedLoads() >= refusedBefore + 2, "model_load_refused_total counts both refusals");
  }

  /** {@code model_load_refused_total}, which PredictionServiceModelLoadRefused alerts on. */
  static double refusedLoads() {
    return LibertyServer.get("/metrics").body().lines().filter(l -> l.startsWith("model_load_refused_total{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
        .orElseThrow(() -> new AssertionError("model_load_refused_total is not exported"));
  }

  @Test
  void uploadActivateRollBackAndDelete() throws Exception {
    String original = activeVersion();
    String next = "m-it-" + UUID.randomUUID();
    HttpResponse<String> upload = call("POST", "/models", adminToken(), TestBundles.withVersion(next));
    assertEquals(201, upload.statusCode(), upload.body());
    assertTrue(upload.headers().firstValue("Location").orElse("").endsWith("/models/" + next));
    assertEquals(409, call("POST", "/models", adminToken(), TestBundles.withVersion(next)).statusCode());
    assertEquals(original, servedVersion(), "uploading does not activate");

    HttpResponse<String> activate = call("POST", "/models/" + next + "/activate", adminToken(), null);
    assertEquals(200, activate.statusCode(), activate.body());
    assertEquals(next, servedVersion());
    assertEquals(409, call("DELETE", "/models/" + next, adminToken(), null).statusCode(), "the active one stays");

    HttpResponse<String> rollback = call("POST", "/models/" + original + "/activate", adminToken(), null);
    assertEquals(200, rollback.statusCode(), rollback.body());
    assertEquals(original, servedVersion());
    assertEquals(original, activeVersion());

    assertEquals(204, call("DELETE", "/models/" + next, adminToken(), null).statusCode());
    assertEquals(404, call("GET", "/models/" + next, adminToken(), null).statusCode());
    assertEquals(404, call("POST", "/models/" + next + "/activate", adminToken(), null).statusCode());
  }
}
