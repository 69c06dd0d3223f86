package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
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

/** Health, metrics and OpenAPI as operators and tools see them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void startedLiveAndReadyAreUpWithTheModelVersion() {
    for (String path : new String[] {"/health/started", "/health/live", "/health/ready", "/health"}) {
      HttpResponse<String> response = get(path);
      assertEquals(200, response.statusCode(), path + ": " + response.body());
      assertEquals("UP", json(response).get("status").asText());
    }
    JsonNode ready = check(json(get("/health/ready")), "model");
    assertTrue(ready.get("data").get("version").asText().startsWith("m-"));
    assertEquals(false, ready.get("data").get("draining").asBoolean());
    assertEquals("A,B,C,D", ready.get("data").get("categories").asText());
    assertEquals("UP", check(json(get("/health/started")), "model-loaded").get("status").asText());
    assertEquals("UP", check(json(get("/health/live")), "application").get("status").asText());
  }

  @Test
  void metricsArePrometheusTextWithPredictionCountsLatencyAndErrors() {
    LibertyServer.postJson("/predict", "{\"age\":35,\"income\":50000,\"category\":\"A\"}");
    LibertyServer.postJson("/predict", "{\"age\":-5,\"income\":50000,\"category\":\"A\"}");

    HttpResponse<String> response = get("/metrics");

    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String metrics = response.body();
    assertTrue(metrics.matches("(?s).*predictions_total\\{endpoint=\"single\",model_version=\"m-[0-9a-f]+\","
        + "mp_scope=\"application\",} [1-9].*"), "predictions by version");
    assertTrue(metrics.contains("inference_seconds_bucket{endpoint=\"single\",mp_scope=\"application\",le=\"0.001\""),
        "latency histogram buckets");
    assertTrue(metrics.contains("request_errors_total{mp_scope=\"application\",reason=\"validation-failed\",}"),
        "errors by reason");
    assertTrue(metrics.contains("jvm_uptime_seconds"), "base metrics too");
    assertTrue(metrics.matches("(?s).*model_active\\{mp_scope=\"application\",version=\"m-[0-9a-f]+\",} 1\\.0.*"),
        "the active model version");
    assertTrue(metrics.contains("inference_batch_rows_count{mp_scope=\"application\",}"), "dynamic batching");
    assertTrue(metrics.contains("inference_queue_rows{mp_scope=\"application\",}"), "queue depth");
  }

  @Test
  void openApiDocumentsEveryOperationWithErrorsAndTheUiIsServed() {
    HttpResponse<String> document = LibertyServer.send(java.net.http.HttpRequest.newBuilder(
        LibertyServer.uri("/openapi")).header("Accept", "application/json").GET().build());

    assertEquals(200, document.statusCode());
    JsonNode openapi = json(document);
    for (String path : new String[] {"/predict", "/predict/batch"}) {
      JsonNode post = openapi.get("paths").get(path).get("post");
      assertTrue(post.has("summary"), path);
      for (String status : new String[] {"200", "400", "413", "415", "422", "503"}) {
        assertTrue(post.get("responses").has(status), path + " documents " + status);
      }
    }
    // Every operation names its successful answer: Liberty's validator warns at start about one that does not, and
    // a client generator then has no type for the result (GET /models had only its 401 and 403 until 2026-12-06).
    openapi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      if (operation.getValue().has("responses")) {
        boolean success = false;
        for (var codes = operation.getValue().get("responses").fieldNames(); codes.hasNext(); ) {
          success |= codes.next().startsWith("2");
        }
        assertTrue(success, operation.getKey() + " " + path.getKey() + " documents a successful answer");
      }
    }));
    assertTrue(openapi.get("components").get("schemas").has("Problem"));
    assertTrue(openapi.get("components").get("schemas").get("PredictionRequest").has("examples"));

    HttpResponse<String> ui = get("/openapi/ui/");
    assertEquals(200, ui.statusCode());
    assertTrue(ui.body().toLowerCase(java.util.Locale.ROOT).contains("<html"));
  }

  private static JsonNode check(JsonNode health, String name) {
    for (JsonNode check : health.get("checks")) {
      if (check.get("name").asText().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no check " + name + " in " + health);
  }
}
