package dev.predictionservice.inferenceprotocol.control;

import dev.predictionservice.inferenceprotocol.entity.ServerMetadataResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** The server as the Open Inference Protocol describes it: name, version (the build's) and the extensions served. */
@ApplicationScoped
public class InferenceServer {

  static final String NAME = "prediction-service";
  static final List<String> EXTENSIONS = List.of("model_repository", "statistics");
  private static final String BUILD_INFO = "/META-INF/build-info.properties";

  private String version;

  @PostConstruct
  void readVersion() {
    Properties build = new Properties();
    try (InputStream in = InferenceServer.class.getResourceAsStream(BUILD_INFO)) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + BUILD_INFO, e);
    }
    version = build.getProperty("version", "unknown");
  }

  public ServerMetadataResponse metadata() {
    return new ServerMetadataResponse(NAME, version, EXTENSIONS);
  }
}
