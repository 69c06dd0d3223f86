package dev.predictionservice.it;

import static dev.predictionservice.it.LibertyServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every class of bad input: a 4xx problem+json naming the problem type and the field, never a 500. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

  private static final String VALID = "{\"age\":35,\"income\":50000,\"category\":\"A\"}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return LibertyServer.war();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        // path, body, status, problem type, field (null = no field list)
        Arguments.of("/predict", "{\"age\":35,\"income\":50000", 400, "malformed-json", null),
        Arguments.of("/predict", "not json", 400, "malformed-json", null),
        Arguments.of("/predict", "[1,2]", 400, "malformed-json", null),
        Arguments.of("/predict", "{\"age\":35,\"income\":NaN,\"category\":\"A\"}", 400, "malformed-json", null),
        Arguments.of("/predict", "{\"age\":\"35\",\"income\":50000,\"category\":\"A\"}", 400, "invalid-json-field",
            "age"),
        Arguments.of("/predict", "{\"age\":35.5,\"income\":50000,\"category\":\"A\"}", 400, "invalid-json-field",
            "age"),
        Arguments.of("/predict", "{\"age\":35,\"income\":\"NaN\",\"category\":\"A\"}", 400, "invalid-json-field",
            "income"),
        Arguments.of("/predict", "{\"age\":35,\"income\":\"Infinity\",\"category\":\"A\"}", 400,
            "invalid-json-field", "income"),
        Arguments.of("/predict", "{\"age\":35,\"income\":50000,\"category\":7}", 400, "invalid-json-field",
            "category"),
        Arguments.of("/predict", "{\"age\":35,\"income\":50000,\"category\":\"A\",\"colour\":\"red\"}", 400,
            "invalid-json-field", "colour"),
        Arguments.of("/predict", "{\"income\":50000,\"category\":\"A\"}", 422, "validation-failed", "age"),
        Arguments.of("/predict", "{\"age\":null,\"income\":50000,\"category\":\"A\"}", 422, "validation-failed",
            "age"),
        Arguments.of("/predict", "{\"age\":35,\"category\":\"A\"}", 422, "validation-failed", "income"),
        Arguments.of("/predict", "{\"age\":35,\"income\":50000}", 422, "validation-failed", "category"),
        Arguments.of("/predict", "{\"age\":121,\"income\":50000,\"category\":\"A\"}", 422, "validation-failed",
            "age"),
        Arguments.of("/predict", "{\"age\":-1,\"income\":50000,\"category\":\"A\"}", 422, "validation-failed",
            "age"),
        Arguments.of("/predict", "{\"age\":35,\"income\":-5,\"category\":\"A\"}", 422, "validation-failed",
            "income"),
        Arguments.of("/predict", "{\"age\":35,\"income\":1e999,\"category\":\"A\"}", 422, "validation-failed",
            "income"),
        Arguments.of("/predict", "{\"age\":35,\"income\":50000,\"category\":\"Z\"}", 422, "validation-failed",
            "category"),
        Arguments.of("/predict", "", 422, "validation-failed", "body"),
        Arguments.of("/predict/batch", "{\"instances\":[]}", 422, "validation-failed", "instances"),
        Arguments.of("/predict/batch", "{}", 422, "validation-failed", "instances"),
        Arguments.of("/predict/batch", "{\"instances\":[" + VALID + ",null]}", 422, "validation-failed",
            "instances[1]"),
        Arguments.of("/predict/batch", "{\"instances\":[" + VALID + ",{\"age\":500,\"income\":1,\"category\":\"A\"}]}",
            422, "validation-failed", "instances[1].age"),
        Arguments.of("/predict/batch", "{\"instances\":[" + VALID + ",{\"age\":5,\"income\":1,\"category\":\"Q\"}]}",
            422, "validation-failed", "instances[1].category"),
        Arguments.of("/predict/batch", "{\"instances\":[{\"age\":\"x\"}]}", 400, "invalid-json-field",
            "instances[0].age"),
        Arguments.of("/predict/batch", tooManyInstances(), 422, "validation-failed", "instances"));
  }

  @ParameterizedTest(name = "{0} {3} {4}")
  @MethodSource("badBodies")
  void badBodyIsAProblemNamingTheField(String path, String body, int status, String type, String field) {
    HttpResponse<String> response = LibertyServer.postJson(path, body);

    JsonNode problem = assertProblem(response, status, type);
    if (field != null) {
      List<String> fields = new ArrayList<>();
      problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertTrue(fields.contains(field), "field " + field + " in " + response.body());
      assertTrue(problem.get("detail").asText().contains(field), response.body());
    }
  }

  @Test
  void wrongContentTypeIs415() {
    assertProblem(LibertyServer.post("/predict", "text/plain", VALID), 415, "unsupported-media-type");
  }

  @Test
  void unacceptableAcceptIs406() {
    HttpResponse<String> response = LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict"))
        .header("Content-Type", "application/json").header("Accept", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(VALID)).build());

    assertProblem(response, 406, "not-acceptable");
  }

  @Test
  void oversizedBodyIs413WithContentLengthAndChunked() {
    String huge = "{\"instances\":[" + (VALID + ",").repeat(30_000) + VALID + "]}";
    assertProblem(LibertyServer.postJson("/predict/batch", huge), 413, "payload-too-large");

    HttpResponse<String> chunked = LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict/batch"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .build());
    assertProblem(chunked, 413, "payload-too-large");
  }

  @Test
  void unknownPathAndWrongMethodAreProblems() {
    assertProblem(LibertyServer.get("/no-such-thing"), 404, "not-found");
    assertProblem(LibertyServer.get("/predict"), 405, "method-not-allowed");
  }

  @Test
  void headersThatAreNoMediaTypeAre400Problems() {
    assertProblem(LibertyServer.post("/predict", "/v2/x", VALID), 400, "bad-request");
    assertProblem(LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/predict"))
        .header("Content-Type", "application/json").header("Accept", "/x")
        .POST(HttpRequest.BodyPublishers.ofString(VALID)).build()), 400, "bad-request");
  }

  @Test
  void anUnknownCharsetIs415NotReadAsUtf8() {
    assertProblem(LibertyServer.post("/predict", "application/json; charset=klingon", VALID), 415,
        "unsupported-media-type");
    assertEquals(200, LibertyServer.post("/predict", "application/json; charset=utf-8", VALID).statusCode());
  }

  @Test
  void urlsLibertyRefusesToDecodeAre400Problems() {
    assertProblem(LibertyServer.get("/predict%2fbatch"), 400, "bad-request");
    assertProblem(LibertyServer.get("/predict/%c0%af"), 400, "bad-request");
  }

  @Test
  void anAbsurdContentLengthIs413NotA500() {
    HttpResponse<String> response = RawHttp.send("POST /predict HTTP/1.1\r\nContent-Type: application/json"
        + "\r\nContent-Length: 99999999999", VALID);

    assertProblem(response, 413, "payload-too-large");
  }

  @Test
  void aBrokenChunkedBodyIs400NotA500() {
    HttpResponse<String> response = RawHttp.send("POST /predict HTTP/1.1\r\nContent-Type: application/json"
        + "\r\nTransfer-Encoding: chunked", VALID);

    assertProblem(response, 400, "bad-request");
  }

  @Test
  void aDuplicateKeyIsRefusedNamingIt() {
    HttpResponse<String> response =
        LibertyServer.postJson("/predict", "{\"age\":35,\"age\":36,\"income\":50000,\"category\":\"A\"}");

    JsonNode problem = assertProblem(response, 400, "invalid-json-field");
    assertEquals("age", problem.get("errors").get(0).get("field").asText(), response.body());
    assertTrue(problem.get("detail").asText().contains("duplicate key"), response.body());
  }

  /** The typed binding refuses the first nested array before the depth limit is reached (V2's tree reading hits it). */
  @Test
  void aDeeplyNestedBodyIsA400NamingNoLibrary() {
    String deep = "{\"instances\":[" + "[".repeat(3000) + "]".repeat(3000) + "]}";
    JsonNode problem = assertProblem(LibertyServer.postJson("/predict/batch", deep), 400, "invalid-json-field");

    assertEquals("instances[0]", problem.get("errors").get(0).get("field").asText(), problem.toString());
    assertFalse(problem.toString().contains("StreamReadConstraints"), problem.toString());
  }

  @Test
  void adminRefusalsAreProblemsNotEmptyBodies() {
    String otherIssuer = TestTokens.tokenFrom("https://someone.else", "model-admin");
    for (String token : new String[] {null, "not.a.token", otherIssuer}) {
      HttpRequest.Builder request = HttpRequest.newBuilder(LibertyServer.uri("/models")).GET();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      assertProblem(LibertyServer.send(request.build()), 401, "unauthorized");
    }
    assertProblem(LibertyServer.send(HttpRequest.newBuilder(LibertyServer.uri("/models"))
        .header("Authorization", "Bearer " + TestTokens.token("data-scientist")).GET().build()), 403, "forbidden");
  }

  /**
   * Liberty lets header fields up to its limitFieldSize (server.xml, 128 KiB) through, so the application refuses a
   * 70 KB header, or headers over 64 KiB together, itself: 431 as JSON in either shape.
   */
  @Test
  void aHugeHeaderIsA431Problem() {
    String huge = "X-Huge: " + "a".repeat(70_000);
    JsonNode problem = assertProblem(RawHttp.send("GET /predict HTTP/1.1\r\n" + huge, ""), 431, "headers-too-large");
    assertTrue(problem.get("detail").asText().contains("32768"), problem.toString());
    assertProblem(RawHttp.send("POST /predict HTTP/1.1\r\nContent-Type: application/json\r\n" + huge
        + "\r\nContent-Length: " + VALID.length(), VALID), 431, "headers-too-large");
    String many = String.join("\r\n", Collections.nCopies(4, "X-Big: " + "b".repeat(20_000)));
    assertProblem(RawHttp.send("GET /predict HTTP/1.1\r\n" + many, ""), 431, "headers-too-large");

    V2.assertError(RawHttp.send("GET /v2/models/prediction-model HTTP/1.1\r\n" + huge, ""), 431);

    assertEquals(200, LibertyServer.postJson("/predict", VALID).statusCode());
  }

  @Test
  void aHugeRequestTargetIsA414Problem() {
    assertProblem(RawHttp.send("GET /predict/" + "a".repeat(40_000) + " HTTP/1.1", ""), 414, "uri-too-long");
    assertProblem(RawHttp.send("GET /predict?q=" + "a".repeat(40_000) + " HTTP/1.1", ""), 414, "uri-too-long");
    V2.assertError(RawHttp.send("GET /v2/" + "a".repeat(40_000) + " HTTP/1.1", ""), 414);
  }

  /**
   * A URL with a control character, an invalid escape or "/.." above the root: Liberty's web container refuses it
   * before it picks an application (WebContainer.handleRequest), with its own HTML or {"error_message": ...}. The
   * project's user feature usr:urlGuard-1.0 (liberty/extension, docs/OPERATIONS.md) answers exactly those URLs first:
   * the usual 400 problem, or {"error": ...} under /v2, with or without a JSON Accept or body, and Liberty's own
   * endpoints (/health) get the same. The server goes on serving.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/predict%00", "/predict%0a", "/predict%7f", "/predict%zz", "/predict%4", "/../predict",
      "/a/../../predict", "/.;x/predict", "/;x/predict", "/%2e%2e/predict", "/health/%00"})
  void aUrlTheWebContainerRefusesIsAJsonProblem(String path) {
    JsonNode plain = assertProblem(RawHttp.send("POST " + path + " HTTP/1.1\r\nContent-Length: 0", ""), 400,
        "bad-request");
    assertTrue(plain.get("detail").asText().contains("percent-escape"), plain.toString());

    HttpResponse<String> asJson = RawHttp.send("POST " + path + " HTTP/1.1\r\nAccept: application/json"
        + "\r\nContent-Type: application/json\r\nContent-Length: " + VALID.length(), VALID);
    JsonNode problem = assertProblem(asJson, 400, "bad-request");
    assertEquals(asJson.headers().firstValue("X-Request-ID").orElse(""), problem.get("requestId").asText());

    assertEquals(200, LibertyServer.postJson("/predict", VALID).statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2/models/x%00/infer", "/v2/models/prediction-model/infer%zz", "/v2/%0a"})
  void underV2ARefusedUrlIsAnInferenceError(String path) {
    HttpResponse<String> plain = RawHttp.send("GET " + path + " HTTP/1.1", "");
    assertTrue(V2.assertError(plain, 400).contains("percent-escape"), plain.body());
    assertNamesNoInternals(plain.body());
    assertFalse(plain.headers().firstValue("X-Request-ID").orElse("").isBlank(), plain.headers().toString());
    HttpResponse<String> asJson = RawHttp.send("POST " + path + " HTTP/1.1\r\nAccept: application/json"
        + "\r\nContent-Type: application/json\r\nContent-Length: 2", "{}");
    V2.assertError(asJson, 400);
    assertNamesNoInternals(asJson.body());
  }

  /**
   * The feature answers only what the web container refuses: "/.." inside the root, "//", "/./" and ";x" still reach
   * the application (which matches its resources on the path as sent, hence 404 for most), and a caller's sane
   * X-Request-ID is kept, as the application keeps it.
   */
  @Test
  void theUrlGuardPassesEveryOtherUrlOnAndKeepsTheCallersRequestId() {
    HttpResponse<String> parameter = RawHttp.send("POST /predict;x HTTP/1.1\r\nContent-Type: application/json"
        + "\r\nContent-Length: " + VALID.length(), VALID);
    assertEquals(200, parameter.statusCode(), parameter.body());
    for (String path : List.of("/a/../predict", "//predict", "/./predict", "/predict%20")) {
      assertProblem(RawHttp.send("POST " + path + " HTTP/1.1\r\nContent-Length: 0", ""), 404, "not-found");
    }
    HttpResponse<String> refused = RawHttp.send("GET /predict%00 HTTP/1.1\r\nX-Request-ID: client-id-7", "");
    assertEquals("client-id-7", assertProblem(refused, 400, "bad-request").get("requestId").asText());
    assertEquals("client-id-7", refused.headers().firstValue("X-Request-ID").orElse(""));
  }

  /**
   * Over Liberty's own limits (a field over limitFieldSize, more than limitNumHeaders headers) the HTTP channel answers
   * an empty 400 before any application code runs; the ingress refuses such requests first (docs/OPERATIONS.md). A 4xx,
   * and the server goes on serving.
   */
  @Test
  void overLibertysOwnLimitsA400AndTheServerKeepsServing() {
    HttpResponse<String> field = RawHttp.send("GET /predict HTTP/1.1\r\nX-Huge: " + "a".repeat(200_000), "");
    assertEquals(400, field.statusCode(), field.body());
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      headers.add("X-H" + i + ": v");
    }
    HttpResponse<String> count = RawHttp.send("GET /predict HTTP/1.1\r\n" + String.join("\r\n", headers), "");
    assertEquals(400, count.statusCode(), count.body());

    assertEquals(200, LibertyServer.postJson("/predict", VALID).statusCode());
  }

  @Test
  void theServiceKeepsServingAfterBadInput() {
    badBodies().forEach(args -> LibertyServer.postJson((String) args.get()[0], (String) args.get()[1]));

    assertEquals(200, LibertyServer.postJson("/predict", VALID).statusCode());
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
        response.body());
    JsonNode problem = json(response);
    assertEquals("/problems/" + type, problem.get("type").asText(), response.body());
    assertEquals(status, problem.get("status").asInt());
    assertFalse(problem.get("title").asText().isBlank());
    assertNamesNoInternals(response.body());
    return problem;
  }

  /** No class, package, library or server product in an error body. */
  private static void assertNamesNoInternals(String body) {
    for (String internal : List.of("dev.predictionservice", "Exception", "com.ibm", "io.openliberty", "Liberty",
        "WebSphere", "Jackson", "resteasy", "at java.")) {
      assertFalse(body.toLowerCase(java.util.Locale.ROOT).contains(internal.toLowerCase(java.util.Locale.ROOT)),
          "names " + internal + ": " + body);
    }
  }

  private static String tooManyInstances() {
    return "{\"instances\":[" + (VALID + ",").repeat(1000) + VALID + "]}";
  }
}
