package dev.predictionservice.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.predictionservice.inference.TestNetworks;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.nd4j.linalg.activations.Activation;

/** Canary and shadow admin calls, a /predict with a request id, a metric read back: for CanaryIT and ShadowIT. */
final class RolloutCalls {

  static final String ROW = "{\"age\":35,\"income\":50000,\"category\":\"A\"}";

  private RolloutCalls() {}

  /** Registers a bundle with its own network (so its answers differ from the default's); returns its version. */
  static String registerSecondVersion(long seed) throws Exception {
    String version = "m-it-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] bundle = TestNetworks.bundle(TestNetworks.dense(seed, new int[] {8}, new Activation[] {Activation.TANH}, 1,
        Activation.SIGMOID), TestNetworks.standardizer(), version);
    HttpResponse<String> created = ModelsAdminIT.call("POST", "/models", ModelsAdminIT.adminToken(), bundle);
    assertEquals(201, created.statusCode(), created.body());
    return version;
  }

  /** Unloads and deletes a version registered by a test (best effort: the version may already be gone). */
  static void remove(String version) {
    repositoryUnload(version);
    ModelsAdminIT.call("DELETE", "/models/" + version, ModelsAdminIT.adminToken(), null);
  }

  private static void repositoryUnload(String version) {
    LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/v2/repository/models/" + V2.MODEL + "/unload"))
        .header("Authorization", "Bearer " + ModelsAdminIT.adminToken()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\":{\"version\":\"" + version + "\"}}")).build());
  }

  static HttpResponse<String> admin(String method, String path, String json, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(LibertyServer.uri(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    return LibertyServer.send(request.build());
  }

  static HttpResponse<String> admin(String method, String path, String json) {
    return admin(method, path, json, ModelsAdminIT.adminToken());
  }

  /** POSTs {@code body} to {@code path} with this request id (and a canary key when not null); asserts a 200. */
  static HttpResponse<String> predict(String path, String requestId, String canaryKey, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(LibertyServer.uri(path))
        .header("Content-Type", "application/json").header("X-Request-ID", requestId)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (canaryKey != null) {
      request.header("X-Canary-Key", canaryKey);
    }
    HttpResponse<String> response = LibertyServer.send(request.build());
    assertEquals(200, response.statusCode(), response.body());
    return response;
  }

  /** The model version that answered a /predict with this request id. */
  static String versionFor(String requestId) {
    return LibertyServer.json(predict("/predict", requestId, null, ROW)).get("model_version").asText();
  }

  /** The value of the series of /metrics with these labels (and maybe others), or -1 when there is none. */
  static double metric(String name, String... labelPairs) {
    for (String line : LibertyServer.get("/metrics").body().split("\n")) {
      if (!line.startsWith(name + "{")) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labelPairs.length; i += 2) {
        all &= line.contains(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"");
      }
      if (all) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }
}
