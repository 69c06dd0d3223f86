package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.ModelsAdminIT.adminToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.training.SyntheticDataset;
import dev.predictionservice.training.TrainingRow;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drift on the real server (its window: 2,000 rows, PSI from 500; src/test/liberty): traffic drawn like the training
 * data shows no drift, the same traffic 25 years older drifts in age (and so in the prediction) but not in income or
 * category, on {@code GET /models/{version}/drift} and on the {@code model_drift_psi} gauges alike. A bundle from
 * before drift bins loads and reports drift unavailable. An admin switches drift off and on without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DriftIT {

  private static final int ROWS = 2_400; // more than the window (2,000) plus a slice (200): the window is all new
  private static final long SEED = 20_261_202L;
  private static final Pattern PSI_LINE = Pattern.compile("^model_drift_psi\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void shiftedAgesDriftInAgeOnlyOnTheEndpointAndTheGauges() {
    String version = ModelsAdminIT.activeVersion();
    List<TrainingRow> rows = SyntheticDataset.generate(SEED, ROWS);

    send(rows, age -> age);
    Map<String, Double> like = psi(drift(version));
    assertClose(like, gauges(version));
    for (String feature : List.of("age", "income", "category", "prediction")) {
      assertTrue(like.get(feature) < 0.1, feature + " drifts on training-like traffic: " + like);
    }

    send(rows, age -> Math.min(120, age + 25));
    JsonNode shifted = drift(version);
    Map<String, Double> psi = psi(shifted);
    assertTrue(psi.get("age") > 0.2, "age: " + psi);
    assertTrue(psi.get("income") < 0.1, "income: " + psi);
    assertTrue(psi.get("category") < 0.1, "category: " + psi);
    assertTrue(psi.get("prediction") > 0.1, "older callers get other predictions: " + psi);
    assertClose(psi, gauges(version));
    assertEquals(2_000, shifted.get("windowRows").asLong());
    assertTrue(shifted.get("rows").asLong() >= 1_800, shifted.toString());
    assertTrue(shifted.get("rowsSeen").asLong() >= 2L * ROWS, shifted.toString());
    JsonNode oldest = shifted.get("features").get(0).get("bins").get(0);
    assertEquals("< 25", oldest.get("bin").asText());
    assertEquals(0.0, oldest.get("live").asDouble(), "nobody under 25 after the shift");
  }

  @Test
  void theEndpointIsAdminOnlyAndKnowsOnlyLoadedVersions() {
    String version = ModelsAdminIT.activeVersion();
    assertEquals(401, ModelsAdminIT.call("GET", "/models/" + version + "/drift", null, null).statusCode());
    assertEquals(403, ModelsAdminIT.call("GET", "/models/" + version + "/drift", TestTokens.token("reader"), null)
        .statusCode());
    HttpResponse<String> unknown = ModelsAdminIT.call("GET", "/models/m-no-such/drift", adminToken(), null);
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals("/problems/not-found", json(unknown).get("type").asText());
  }

  @Test
  void aBundleWithoutDriftBinsReportsDriftUnavailable() throws Exception {
    String old = "m-it-old-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, ModelsAdminIT.call("POST", "/models", adminToken(), TestBundles.withoutDriftBins(old))
        .statusCode());
    try {
      assertEquals(404, ModelsAdminIT.call("GET", "/models/" + old + "/drift", adminToken(), null)
          .statusCode(), "registered but not loaded");
      assertEquals(200, repository("load", old).statusCode());
      LibertyServer.postJson("/predict?version=" + old, "{\"age\":35,\"income\":50000,\"category\":\"A\"}");

      JsonNode report = drift(old);

      assertFalse(report.get("available").asBoolean());
      assertTrue(report.get("reason").asText().contains("no drift bins"), report.toString());
      assertTrue(LibertyServer.get("/metrics?scope=application").body().lines()
          .noneMatch(l -> l.startsWith("model_drift_") && l.contains("\"" + old + "\"")), "no drift series of " + old);
    } finally {
      repository("unload", old);
      ModelsAdminIT.call("DELETE", "/models/" + old, adminToken(), null);
    }
  }

  @Test
  void anAdminSwitchesItOffAndOnWithoutARestartThroughAServerVariable() throws Exception {
    String version = ModelsAdminIT.activeVersion();
    Path override = Path.of(System.getProperty("it.server.dir"), "configDropins", "overrides", "drift-off-it.xml");
    Files.createDirectories(override.getParent());
    Files.writeString(override, "<server><variable name=\"drift.enabled\" value=\"false\"/></server>");
    JsonNode off;
    boolean seriesWhileOff;
    try {
      off = awaitAvailable(version, false);
      seriesWhileOff = LibertyServer.get("/metrics?scope=application").body().lines()
          .anyMatch(l -> l.startsWith("model_drift_"));
    } finally {
      Files.delete(override);
    }
    JsonNode on = awaitAvailable(version, true);
    send(SyntheticDataset.generate(SEED, 400), age -> age);

    assertTrue(off.get("reason").asText().contains("drift.enabled"), off.toString());
    assertFalse(seriesWhileOff, "switched off, no drift series remain");
    assertEquals(0, on.get("rowsSeen").asLong(), "switched on again, the window starts empty: " + on);
    assertEquals(400, drift(version).get("rowsSeen").asLong());
    assertFalse(gauges(version).isEmpty(), "the gauges are back");
  }

  /** Polls the drift endpoint until it says {@code available} (Liberty reads the file, the drift sweep every 5 s). */
  private static JsonNode awaitAvailable(String version, boolean available) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode report = drift(version);
    while (report.get("available").asBoolean() != available && System.nanoTime() < deadline) {
      Thread.sleep(200);
      report = drift(version);
    }
    assertEquals(available, report.get("available").asBoolean(), "within 30 s: " + report);
    return report;
  }

  private static void send(List<TrainingRow> rows, IntUnaryOperator age) {
    for (int from = 0; from < rows.size(); from += 400) {
      StringBuilder body = new StringBuilder("{\"instances\":[");
      for (int i = from; i < Math.min(rows.size(), from + 400); i++) {
        TrainingRow row = rows.get(i);
        body.append(i == from ? "" : ",").append(String.format(Locale.ROOT,
            "{\"age\":%d,\"income\":%.1f,\"category\":\"%s\"}", age.applyAsInt(row.age()), row.income(),
            row.category()));
      }
      HttpResponse<String> response = LibertyServer.postJson("/predict/batch", body.append("]}").toString());
      assertEquals(200, response.statusCode(), response.body());
    }
  }

  private static JsonNode drift(String version) {
    HttpResponse<String> response = ModelsAdminIT.call("GET", "/models/" + version + "/drift", adminToken(),
        null);
    assertEquals(200, response.statusCode(), response.body());
    return json(response);
  }

  private static Map<String, Double> psi(JsonNode report) {
    assertTrue(report.get("available").asBoolean(), report.toString());
    Map<String, Double> psi = new HashMap<>();
    for (JsonNode feature : report.get("features")) {
      psi.put(feature.get("feature").asText(), feature.get("psi").asDouble());
    }
    return psi;
  }

  /** The gauges say what the endpoint says (read moments apart, with no traffic between). */
  private static void assertClose(Map<String, Double> endpoint, Map<String, Double> gauges) {
    assertEquals(endpoint.keySet(), gauges.keySet(), gauges.toString());
    endpoint.forEach((feature, psi) -> assertEquals(psi, gauges.get(feature), 1e-9, feature));
  }

  /** The model_drift_psi series of {@code version} on /metrics, by feature. */
  private static Map<String, Double> gauges(String version) {
    Map<String, Double> psi = new HashMap<>();
    Matcher line = PSI_LINE.matcher(LibertyServer.get("/metrics?scope=application").body());
    while (line.find()) {
      if (line.group(1).contains("model_version=\"" + version + "\"")) {
        Matcher feature = Pattern.compile("feature=\"([a-z]+)\"").matcher(line.group(1));
        assertTrue(feature.find(), line.group());
        psi.put(feature.group(1), Double.valueOf(line.group(2)));
      }
    }
    return psi;
  }

  private static HttpResponse<String> repository(String action, String version) {
    return LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/v2/repository/models/" + V2.MODEL + "/"
            + action)).header("Authorization", "Bearer " + adminToken()).header("Content-Type",
            "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"parameters\":{\"version\":\"" + version + "\"}}")).build());
  }
}
