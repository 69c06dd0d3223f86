package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Routes are the resources' templates, never the paths as sent. */
class HttpRequestMetricsTest {

  @Path("/v2")
  static class Server {
    @GET
    public String metadata() {
      return "";
    }

    @GET
    @Path("models/{name}/infer/")
    public String infer() {
      return "";
    }
  }

  @Path("/")
  static class Root {
    @GET
    @Path("/predict")
    public String predict() {
      return "";
    }
  }

  @Test
  void joinsTheClassAndMethodTemplates() throws Exception {
    assertEquals("/v2", HttpRequestMetrics.route(Server.class, Server.class.getMethod("metadata")));
    assertEquals("/v2/models/{name}/infer", HttpRequestMetrics.route(Server.class, Server.class.getMethod("infer")));
    assertEquals("/predict", HttpRequestMetrics.route(Root.class, Root.class.getMethod("predict")));
  }
}
