package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every prediction (single, batch, V2) ends up as exactly one row of the prediction log, with the right fields. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PredictionLogIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  static HttpResponse<String> predict(String path, String requestId, String body) {
    return LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri(path)).header("Content-Type",
        "application/json").header("X-Request-ID", requestId).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  @Test
  void nPredictionsMakeExactlyNRows() throws Exception {
    String run = "it-log-" + UUID.randomUUID();
    int singles = 20;
    List<Double> predictions = new ArrayList<>();
    String version = null;
    for (int i = 0; i < singles; i++) {
      HttpResponse<String> response =
          predict("/predict", run + "-" + i,
              "{\"age\":" + (20 + i) + ",\"income\":" + (1000 * i) + ",\"category\":\"B\"}");
      assertEquals(200, response.statusCode(), response.body());
      predictions.add(json(response).get("prediction").asDouble());
      version = json(response).get("model_version").asText();
    }
    HttpResponse<String> batch = predict("/predict/batch", run + "-batch",
        "{\"instances\":[{\"age\":1,\"income\":2,\"category\":\"A\"},{\"age\":3,\"income\":4,\"category\":\"C\"},"
            + "{\"age\":5,\"income\":6,\"category\":\"A\"}]}");
    assertEquals(200, batch.statusCode(), batch.body());
    HttpResponse<String> v2 = predict(V2.INFER, run + "-v2", V2.request("[35, 62]", "[50000, 1000]", "[\"A\", \"C\"]"));
    assertEquals(200, v2.statusCode(), v2.body());
    int expected = singles + 3 + 2;

    long rows = 0;
    for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; ) {
      rows = TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ?", run + "%");
      if (rows >= expected) {
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(500);
    assertEquals(expected, TestDatabase.queryLogLong(
        "SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ?", run + "%"), "exactly one row per prediction");

    try (Connection c = TestDatabase.connectLog();
        PreparedStatement ps = c.prepareStatement("SELECT age, income, category, prediction, model_version, endpoint,"
            + " latency_micros, item_index, logged_at FROM prediction_log WHERE request_id = ?")) {
      ps.setString(1, run + "-7");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(27, rs.getInt(1));
        assertEquals(7000.0, rs.getDouble(2));
        assertEquals("B", rs.getString(3));
        assertEquals(predictions.get(7), rs.getDouble(4), 1e-6);
        assertEquals(version, rs.getString(5));
        assertEquals("single", rs.getString(6));
        assertTrue(rs.getLong(7) >= 0);
        assertEquals(0, rs.getInt(8));
        Instant loggedAt = rs.getTimestamp(9).toInstant();
        assertTrue(Duration.between(loggedAt, Instant.now()).abs().toMinutes() < 10, "logged_at is now: " + loggedAt);
      }
      ps.setString(1, run + "-batch");
      try (ResultSet rs = ps.executeQuery()) {
        int count = 0;
        while (rs.next()) {
          count++;
          assertEquals("batch", rs.getString(6));
        }
        assertEquals(3, count);
      }
      ps.setString(1, run + "-v2");
      try (ResultSet rs = ps.executeQuery()) {
        int count = 0;
        while (rs.next()) {
          count++;
          assertTrue(rs.getString(6).startsWith("v2"), "endpoint label of the V2 protocol: " + rs.getString(6));
        }
        assertEquals(2, count);
      }
    }
  }

  @Test
  void anAdminSwitchesItOffAndOnWithoutARestartThroughAServerVariable() throws Exception {
    String run = "it-log-switch-" + UUID.randomUUID();
    Path override = Path.of(System.getProperty("it.server.dir"), "configDropins", "overrides", "log-off-it.xml");
    Files.createDirectories(override.getParent());
    Files.writeString(override, "<server><variable name=\"prediction-log.enabled\" value=\"false\"/></server>");
    JsonNode readyWhileOff;
    try {
      awaitEnabledGauge(0);
      readyWhileOff = json(get("/health/ready"));
      for (int i = 0; i < 5; i++) {
        assertEquals(200, predict("/predict", run + "-off-" + i, "{\"age\":30,\"income\":1,\"category\":\"A\"}")
            .statusCode());
      }
    } finally {
      Files.delete(override);
    }
    awaitEnabledGauge(1);
    for (int i = 0; i < 3; i++) {
      assertEquals(200, predict("/predict", run + "-on-" + i, "{\"age\":30,\"income\":1,\"category\":\"A\"}")
          .statusCode());
    }

    long on = 0;
    for (long deadline = System.currentTimeMillis() + 15_000; on < 3 && System.currentTimeMillis() < deadline; ) {
      Thread.sleep(200);
      on = TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ?", run + "-on-%");
    }
    assertEquals(3, on, "switched on again, every call is logged");
    assertEquals(0, TestDatabase.queryLogLong("SELECT COUNT(*) FROM prediction_log WHERE request_id LIKE ?",
        run + "-off-%"), "switched off, no call is logged");
    assertEquals("UP", readyWhileOff.get("status").asText(), readyWhileOff.toString());
    JsonNode check = null;
    for (JsonNode c : readyWhileOff.get("checks")) {
      check = "prediction-log".equals(c.get("name").asText()) ? c : check;
    }
    assertFalse(check.get("data").get("enabled").asBoolean(true), "readiness says the log is off: " + readyWhileOff);
  }

  /** Polls prediction_log_enabled until it reads {@code value} (Liberty reads the file, the log every 5 s). */
  private static void awaitEnabledGauge(int value) throws InterruptedException {
    String expected = "prediction_log_enabled{mp_scope=\"application\",} " + value + ".0";
    long deadline = System.nanoTime() + 30_000_000_000L;
    String metrics = get("/metrics?scope=application").body();
    while (!metrics.contains(expected) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      metrics = get("/metrics?scope=application").body();
    }
    assertTrue(metrics.contains(expected), "within 30 s: " + expected + " in\n" + metrics);
  }

  @Test
  void logMetricsAndHealthAreExposed() {
    predict("/predict", "it-metrics-" + UUID.randomUUID(), "{\"age\":40,\"income\":100,\"category\":\"A\"}");
    String metrics = get("/metrics?scope=application").body();
    for (String name : List.of("prediction_log_accepted_total", "prediction_log_written_total",
        "prediction_log_spooled_total", "prediction_log_replayed_total", "prediction_log_dropped_total",
        "prediction_log_queue_depth", "prediction_log_enabled{")) {
      assertTrue(metrics.contains(name), name + " in /metrics:\n" + metrics);
    }
    JsonNode ready = json(get("/health/ready"));
    assertEquals("UP", ready.get("status").asText(), ready.toString());
    assertTrue(ready.toString().contains("prediction-log"), ready.toString());

    HttpResponse<String> database = get("/status/database");
    assertEquals(200, database.statusCode(), database.body());
    assertEquals("UP", json(database).get("status").asText());
  }
}
