package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  private static final String SEED_EXAMPLE = "{\"age\":35,\"income\":50000,\"category\":\"A\"}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void predictsOneInstance() {
    HttpResponse<String> response = postJson("/predict", SEED_EXAMPLE);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode body = json(response);
    double prediction = body.get("prediction").asDouble();
    assertTrue(prediction >= 0 && prediction <= 1, "prediction in [0,1]: " + prediction);
    assertTrue(body.get("model_version").asText().startsWith("m-"), response.body());
    assertEquals(2, body.size(), "only prediction and model_version: " + response.body());
  }

  @Test
  void responsesCarryTheirLengthInsteadOfBeingChunked() {
    HttpResponse<String> response = postJson("/predict", SEED_EXAMPLE);

    assertEquals(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length),
        response.headers().firstValue("Content-Length").orElse("none"), response.headers().toString());
    assertTrue(response.headers().firstValue("Transfer-Encoding").isEmpty(), response.headers().toString());
  }

  @Test
  void theVersionedPathsAnswerTheSame() {
    assertEquals(json(postJson("/predict", SEED_EXAMPLE)), json(postJson("/api/v1/predictions", SEED_EXAMPLE)));
    HttpResponse<String> batch = postJson("/api/v1/predictions/batch", "{\"instances\":[" + SEED_EXAMPLE + "]}");
    assertEquals(200, batch.statusCode(), batch.body());
    assertEquals(422, postJson("/api/v1/predictions", "{}").statusCode());
  }

  @Test
  void sameInputSamePrediction() {
    assertEquals(json(postJson("/predict", SEED_EXAMPLE)), json(postJson("/predict", SEED_EXAMPLE)));
  }

  @Test
  void theModelRespondsToItsInputs() {
    double likely = json(postJson("/predict", "{\"age\":45,\"income\":200000,\"category\":\"D\"}"))
        .get("prediction").asDouble();
    double unlikely = json(postJson("/predict", "{\"age\":88,\"income\":5000,\"category\":\"C\"}"))
        .get("prediction").asDouble();

    assertTrue(likely > 0.8, "likely " + likely);
    assertTrue(unlikely < 0.2, "unlikely " + unlikely);
  }

  @Test
  void batchScoresEachInstanceInOrderLikeSinglePredictions() {
    String second = "{\"age\":62,\"income\":120000,\"category\":\"C\"}";
    HttpResponse<String> response =
        postJson("/predict/batch", "{\"instances\":[" + SEED_EXAMPLE + "," + second + "]}");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = json(response);
    assertEquals(2, body.get("predictions").size());
    assertEquals(json(postJson("/predict", SEED_EXAMPLE)).get("prediction").asDouble(),
        body.get("predictions").get(0).asDouble(), 1e-6);
    assertEquals(json(postJson("/predict", second)).get("prediction").asDouble(),
        body.get("predictions").get(1).asDouble(), 1e-6);
    assertEquals(json(postJson("/predict", SEED_EXAMPLE)).get("model_version"), body.get("model_version"));
  }

  @Test
  void batchOfTheMaximumSizeIsServed() {
    StringBuilder instances = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      instances.append(i == 0 ? "" : ",")
          .append("{\"age\":").append(18 + i % 70).append(",\"income\":").append(i * 200)
          .append(",\"category\":\"").append("ABCD".charAt(i % 4)).append("\"}");
    }
    HttpResponse<String> response = postJson("/predict/batch", "{\"instances\":[" + instances + "]}");

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(1000, json(response).get("predictions").size());
  }

  @Test
  void overloadIsAnsweredAtOnceWith503AndRetryAfter() throws Exception {
    // The IT server's bulkhead for /predict/batch is 1 (src/test/liberty): concurrent batches overflow it.
    String body = "{\"instances\":[" + (SEED_EXAMPLE + ",").repeat(999) + SEED_EXAMPLE + "]}";
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
    try {
      java.util.List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(pool.submit(() -> postJson("/predict/batch", body)));
      }
      int ok = 0;
      int overloaded = 0;
      for (var call : calls) {
        HttpResponse<String> response = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
        if (response.statusCode() == 200) {
          ok++;
        } else {
          assertEquals(503, response.statusCode(), response.body());
          assertEquals("/problems/overloaded", json(response).get("type").asText());
          assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
          overloaded++;
        }
      }
      assertTrue(ok > 0, "some batches served");
      assertTrue(overloaded > 0, "some batches refused at once");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, postJson("/predict", SEED_EXAMPLE).statusCode(), "serves again after the burst");
  }

  /** Liberty writes the access log in the background: poll it for a while. */
  private static boolean accessLogMentions(String text) throws Exception {
    java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("it.server.logs"), "http_access.log");
    for (int i = 0; i < 100; i++) {
      if (java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains(text)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void requestIdIsEchoedWhenSaneAndMadeOtherwise() throws Exception {
    HttpResponse<String> echoed = LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict"))
        .header("Content-Type", "application/json").header("X-Request-ID", "client-id-42")
        .POST(HttpRequest.BodyPublishers.ofString(SEED_EXAMPLE)).build());
    HttpResponse<String> replaced = LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict"))
        .header("Content-Type", "application/json").header("X-Request-ID", "<script>")
        .POST(HttpRequest.BodyPublishers.ofString(SEED_EXAMPLE)).build());
    HttpResponse<String> error = postJson("/predict", "{}");

    assertEquals("client-id-42", echoed.headers().firstValue("X-Request-ID").orElseThrow());
    assertTrue(accessLogMentions("client-id-42"), "the access log line carries the request id");
    String made = replaced.headers().firstValue("X-Request-ID").orElseThrow();
    assertNotEquals("<script>", made);
    assertEquals(36, made.length());
    String errorId = error.headers().firstValue("X-Request-ID").orElseThrow();
    assertEquals(errorId, json(error).get("requestId").asText(), "the problem names the request id");
  }

  /**
   * The id lives on the request's pooled thread until the request ends: the next request on that thread, here an error
   * page that takes the current id if there is one (a direct GET of it: 404), never answers with an earlier one.
   */
  @Test
  void aRequestIdNeverOutlivesItsRequest() throws Exception {
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> scored = LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict"))
          .header("Content-Type", "application/json").header("X-Request-ID", "outlived-" + i)
          .POST(HttpRequest.BodyPublishers.ofString(SEED_EXAMPLE)).build());
      assertEquals("outlived-" + i, scored.headers().firstValue("X-Request-ID").orElseThrow());
      HttpResponse<String> page = LibertyServer.get("/errors/http");
      assertEquals(404, page.statusCode(), page.body());
      String pageId = page.headers().firstValue("X-Request-ID").orElseThrow();
      assertFalse(pageId.startsWith("outlived-"), "request " + i + " answered with an earlier request's id " + pageId);
      assertEquals(pageId, json(page).get("requestId").asText());
    }
  }
}
