package dev.predictionservice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
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

  /** The resource under /api/v1/predictions inherits its methods: the same Method objects as Root's. */
  @Path("/api/v1")
  static class Versioned extends Root {}

  @Test
  void anInheritedMethodIsTimedUnderEachResourcesRoute() throws Exception {
    List<String> routes = new ArrayList<>();
    HttpRequestMetrics metrics = new HttpRequestMetrics();
    metrics.registry = proxy(MetricRegistry.class, (method, args) -> {
      for (Object tag : (Object[]) args[1]) {
        if (((Tag) tag).getTagName().equals("http_route")) {
          routes.add(((Tag) tag).getTagValue());
        }
      }
      return proxy(Timer.class, (m, a) -> null);
    });
    Method predict = Root.class.getMethod("predict");
    for (Class<?> type : List.of(Root.class, Versioned.class, Root.class, Versioned.class)) {
      metrics.resource = proxy(ResourceInfo.class,
          (m, a) -> m.getName().equals("getResourceMethod") ? predict : type);
      Map<String, Object> properties = new HashMap<>();
      ContainerRequestContext request = proxy(ContainerRequestContext.class, (m, a) -> switch (m.getName()) {
        case "setProperty" -> properties.put((String) a[0], a[1]);
        case "getProperty" -> properties.get((String) a[0]);
        default -> "POST";
      });
      metrics.filter(request);
      metrics.filter(request, proxy(ContainerResponseContext.class, (m, a) -> 200));
    }
    assertEquals(List.of("/predict", "/api/v1/predict"), routes, "one timer per route, made once");
  }

  /** An interface whose every method answers through {@code body}. */
  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, BiFunction<Method, Object[], Object> body) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> body.apply(m, a));
  }
}
