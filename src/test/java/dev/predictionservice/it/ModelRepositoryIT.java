package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.V2.MODEL;
import static dev.predictionservice.it.V2.assertError;
import static dev.predictionservice.it.V2.predictions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.inference.TestNetworks;
import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.ModelBundle;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
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
import org.nd4j.linalg.activations.Activation;

/**
 * Two versions loaded at once, through the protocol's model-repository extension: each serves its own predictions
 * (on V2 and /predict), the statistics extension counts each version's requests, and unloading frees the second
 * version while the active one cannot be unloaded. On the embedded database and on PostgreSQL (CI runs both).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelRepositoryIT {

  private static final String REPOSITORY = "/v2/repository/models/" + MODEL;
  private static final String AGES = "[35, 62, 18]";
  private static final String INCOMES = "[50000, 120000.5, 0]";
  private static final String CATEGORIES = "[\"A\", \"C\", \"D\"]";
  private static final String ROWS = V2.request(AGES, INCOMES, CATEGORIES);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  @Test
  void loadInferStatsAndUnloadASecondVersion() throws Exception {
    String active = ModelsAdminIT.activeVersion();
    String second = "m-it-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] bundle = TestNetworks.bundle(TestNetworks.dense(41, new int[] {8}, new Activation[] {Activation.TANH}, 1,
        Activation.SIGMOID), TestNetworks.standardizer(), second);
    assertEquals(201, ModelsAdminIT.call("POST", "/models", ModelsAdminIT.adminToken(), bundle).statusCode());
    try {
      assertEquals("UNAVAILABLE", state(second), "registered, not loaded");
      assertError(LibertyServer.postJson("/v2/models/" + MODEL + "/versions/" + second + "/infer", ROWS), 404);

      HttpResponse<String> load = repository("/load", second, ModelsAdminIT.adminToken());
      assertEquals(200, load.statusCode(), load.body());
      assertEquals("READY", state(second));
      assertEquals("READY", state(active));

      long activeRequestsBefore = stats(active).get("execution_count").asLong();
      List<Float> fromActive = predictions(LibertyServer.postJson(versionPath(active) + "/infer", ROWS));
      List<Float> fromSecond = predictions(LibertyServer.postJson(versionPath(second) + "/infer", ROWS));
      assertEquals(fromActive, predictions(LibertyServer.postJson("/v2/models/" + MODEL + "/infer", ROWS)),
          "a path without a version is the active one");
      assertClose(expected(bundle), fromSecond);
      assertNotEquals(fromActive, fromSecond);

      JsonNode byQuery = json(LibertyServer.postJson("/predict?version=" + second,
          "{\"age\":35,\"income\":50000,\"category\":\"A\"}"));
      assertEquals(second, byQuery.get("model_version").asText());
      assertEquals(fromSecond.get(0), byQuery.get("prediction").floatValue());
      HttpResponse<String> byHeader = LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict/batch"))
          .header("Content-Type", "application/json").header("X-Model-Version", second)
          .POST(HttpRequest.BodyPublishers.ofString("{\"instances\":[{\"age\":62,\"income\":120000.5,\"category\":"
              + "\"C\"},{\"age\":18,\"income\":0,\"category\":\"D\"}]}")).build());
      assertEquals(200, byHeader.statusCode(), byHeader.body());
      assertEquals(second, json(byHeader).get("model_version").asText());
      assertEquals(fromSecond.get(2), json(byHeader).get("predictions").get(1).floatValue());

      JsonNode secondStats = stats(second);
      assertEquals(3, secondStats.get("execution_count").asLong(), "V2, ?version= and the header: 3 requests");
      assertEquals(3 + 1 + 2, secondStats.get("inference_count").asLong(), "rows");
      assertEquals(3, secondStats.get("inference_stats").get("success").get("count").asLong());
      assertTrue(secondStats.get("inference_stats").get("compute_infer").get("ns").asLong() > 0);
      assertTrue(secondStats.get("last_inference").asLong() > 0);
      assertEquals(activeRequestsBefore + 2, stats(active).get("execution_count").asLong(),
          "the active version counted its two V2 requests");

      String refused = assertError(repository("/unload", active, ModelsAdminIT.adminToken()), 409);
      assertTrue(refused.contains(active), refused);
      assertEquals(401, repository("/unload", second, null).statusCode());
      assertEquals(403, repository("/unload", second, TestTokens.token("reader")).statusCode());
      assertEquals("READY", state(second), "refused unloads change nothing");

      HttpResponse<String> unload = repository("/unload", second, ModelsAdminIT.adminToken());
      assertEquals(200, unload.statusCode(), unload.body());
      assertEquals("UNAVAILABLE", state(second));
      assertError(get(versionPath(second) + "/stats"), 404);
      assertTrue(json(get("/v2/models/stats")).get("model_stats").findValuesAsText("version").equals(
          List.of(active)), "the statistics list what the index lists as READY");
      String notLoaded = assertError(LibertyServer.postJson(versionPath(second) + "/infer", ROWS), 404);
      assertTrue(notLoaded.contains(active), notLoaded);
      assertEquals(404, LibertyServer.postJson("/predict?version=" + second,
          "{\"age\":35,\"income\":50000,\"category\":\"A\"}").statusCode());
    } finally {
      repository("/unload", second, ModelsAdminIT.adminToken());
      ModelsAdminIT.call("DELETE", "/models/" + second, ModelsAdminIT.adminToken(), null);
    }
  }

  @Test
  void theRepositoryNeedsTheAdminRoleAndAnswersInTheProtocolsShape() {
    assertError(index(null), 401);
    assertError(index(TestTokens.token("reader")), 403);
    HttpResponse<String> index = index(ModelsAdminIT.adminToken());
    assertEquals(200, index.statusCode(), index.body());
    assertEquals(400, repository("/load", null, ModelsAdminIT.adminToken()).statusCode(), "the version must be named");
    assertError(repository("/load", "m-000000000000", ModelsAdminIT.adminToken()), 404);
    assertError(LibertyServer.send(admin("/v2/repository/models/other/load", "{}")), 404);
  }

  private static String versionPath(String version) {
    return "/v2/models/" + MODEL + "/versions/" + version;
  }

  private static JsonNode stats(String version) {
    HttpResponse<String> response = get(versionPath(version) + "/stats");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode entries = json(response).get("model_stats");
    assertEquals(1, entries.size(), response.body());
    assertEquals(version, entries.get(0).get("version").asText());
    return entries.get(0);
  }

  private static String state(String version) {
    HttpResponse<String> response = index(ModelsAdminIT.adminToken());
    assertEquals(200, response.statusCode(), response.body());
    for (JsonNode entry : json(response)) {
      if (entry.get("version").asText().equals(version)) {
        assertEquals(MODEL, entry.get("name").asText());
        return entry.get("state").asText();
      }
    }
    throw new AssertionError(version + " not in the index " + response.body());
  }

  private static HttpResponse<String> index(String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(LibertyServer.uri("/v2/repository/index"))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return LibertyServer.send(request.build());
  }

  private static HttpResponse<String> repository(String action, String version, String token) {
    String body = version == null ? "{}" : "{\"parameters\":{\"version\":\"" + version + "\"}}";
    HttpRequest.Builder request = HttpRequest.newBuilder(LibertyServer.uri(REPOSITORY + action))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return LibertyServer.send(request.build());
  }

  private static HttpRequest admin(String path, String body) {
    return HttpRequest.newBuilder(LibertyServer.uri(path))
        .header("Authorization", "Bearer " + ModelsAdminIT.adminToken())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** Within the engine check's 1e-5 of DL4J: the Java engine is not DL4J's bits (those depend on the CPU). */
  private static void assertClose(List<Float> expected, List<Float> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), 1e-5, "row " + i + " of " + actual);
    }
  }

  /** The rows scored in this JVM by the bundle's own network, through DL4J (the Java engine must match it). */
  private static List<Float> expected(byte[] bundle) throws Exception {
    ModelBundle model = ModelBundleFiles.read(new ByteArrayInputStream(bundle), "test");
    List<Float> scores = new ArrayList<>();
    JsonNode ages = V2.parse(AGES);
    JsonNode incomes = V2.parse(INCOMES);
    JsonNode categories = V2.parse(CATEGORIES);
    for (int i = 0; i < ages.size(); i++) {
      scores.add(model.predict(FeatureEncoder.encode(model.schema(), ages.get(i).asInt(), incomes.get(i).asDouble(),
          categories.get(i).asText())));
    }
    return scores;
  }
}
