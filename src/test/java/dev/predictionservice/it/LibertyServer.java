package dev.predictionservice.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test and a small HTTP client for the managed Liberty server that Arquillian runs. */
public final class LibertyServer {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();

  private LibertyServer() {}

  /** The WAR the build produced, deployed as it is (with the trained default model inside). */
  public static WebArchive war() {
    File war = new File(System.getProperty("it.war", "target/prediction-service.war"));
    return ShrinkWrap.create(ZipImporter.class, "prediction-service.war").importFrom(war).as(WebArchive.class);
  }

  public static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + System.getProperty("it.http.port", "19080") + path);
  }

  public static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  public static HttpResponse<String> postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  public static HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON (status " + response.statusCode() + "): " + response.body(), e);
    }
  }
}
