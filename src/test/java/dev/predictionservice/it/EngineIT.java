package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.get;
import static dev.predictionservice.it.LibertyServer.json;
import static dev.predictionservice.it.LibertyServer.postJson;
import static dev.predictionservice.it.ModelsAdminIT.adminToken;
import static dev.predictionservice.it.ModelsAdminIT.activeVersion;
import static dev.predictionservice.it.ModelsAdminIT.call;
import static dev.predictionservice.it.ModelsAdminIT.servedVersion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.inference.TestNetworks;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;

/**
 * The engine that scores a model, on a real server: the Java engine for the default model (golden values, the same
 * on every machine), the refusal of a bundle on which it disagrees with DL4J, the DL4J fallback for a network it does
 * not compute.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EngineIT {

  private static final String V2_MODEL = "/v2/models/prediction-model";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  private static String engineMetric(String engine) {
    return get("/metrics?scope=application").body().lines()
        .filter(l -> l.startsWith("model_engine{") && l.contains("engine=\"" + engine + "\""))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("missing");
  }

  @Test
  void theDefaultModelIsScoredByTheJavaEngineWithTheSameBitsEverywhere() {
    HttpResponse<String> response = postJson("/predict", "{\"age\":35,\"income\":50000,\"category\":\"A\"}");
    assertEquals(200, response.statusCode(), response.body());
    // The committed default model scored by the Java engine: these bits hold on every CPU (see README).
    assertEquals("m-67bbd5326a4f", json(response).get("model_version").asText());
    assertEquals(GOLDEN_35_50000_A, json(response).get("prediction").floatValue());
    assertEquals("java", json(get(V2_MODEL)).get("parameters").get("engine").asText());
    assertEquals("1.0", engineMetric("java"));
    assertEquals("0.0", engineMetric("dl4j"));
  }

  static final float GOLDEN_35_50000_A = 0x1.27e71cp-1f; // 0.5779351, README's example

  @Test
  void aBundleOnWhichTheJavaEngineDisagreesWithDl4jIsRefusedAndTheOldModelServes() throws Exception {
    String served = servedVersion();
    int before = json(call("GET", "/models", adminToken(), null)).size();
    String version = "m-it-ill-" + UUID.randomUUID();
    byte[] bundle = TestNetworks.bundle(TestNetworks.illConditioned(), TestNetworks.identityStandardizer(), version);

    HttpResponse<String> upload = call("POST", "/models", adminToken(), bundle);

    assertEquals(422, upload.statusCode(), upload.body());
    assertEquals("application/problem+json", upload.headers().firstValue("Content-Type").orElse(""));
    String detail = json(upload).get("detail").asText();
    assertTrue(detail.contains("disagree on check row") && detail.contains("0.0 against DL4J's 1.0"), detail);
    assertEquals(before, json(call("GET", "/models", adminToken(), null)).size(), "nothing stored");
    assertEquals(served, servedVersion());
  }

  @Test
  void aNetworkTheJavaEngineDoesNotComputeIsServedByDl4jAndSaysSo() throws Exception {
    String original = activeVersion();
    String version = "m-it-elu-" + UUID.randomUUID();
    byte[] bundle = TestNetworks.bundle(TestNetworks.dense(29, new int[] {8}, new Activation[] {Activation.ELU}, 1,
        Activation.SIGMOID), TestNetworks.standardizer(), version);
    assertEquals(201, call("POST", "/models", adminToken(), bundle).statusCode());
    try {
      HttpResponse<String> activate = call("POST", "/models/" + version + "/activate", adminToken(), null);
      assertEquals(200, activate.statusCode(), activate.body());

      assertEquals(version, servedVersion());
      HttpResponse<String> batch = postJson("/predict/batch", "{\"instances\":[{\"age\":35,\"income\":50000,"
          + "\"category\":\"A\"},{\"age\":62,\"income\":120000,\"category\":\"C\"}]}");
      assertEquals(200, batch.statusCode(), batch.body());
      assertEquals(2, json(batch).get("predictions").size());
      assertEquals("dl4j", json(get(V2_MODEL)).get("parameters").get("engine").asText());
      assertEquals("1.0", engineMetric("dl4j"));
      assertTrue(get("/health/ready").body().contains("\"engine\":\"dl4j\""));
    } finally {
      assertEquals(200, call("POST", "/models/" + original + "/activate", adminToken(), null).statusCode());
      call("DELETE", "/models/" + version, adminToken(), null);
    }
    assertEquals("java", json(get(V2_MODEL)).get("parameters").get("engine").asText());
    assertEquals("1.0", engineMetric("java"));
  }
}
