package dev.predictionservice.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code http_server_request_duration_seconds{http_route,http_request_method,http_response_status_code}} for the
 * application's endpoints, the series the alerts and the dashboard read, in place of Liberty's HTTP monitor (switched
 * off in server.xml). Liberty's looked its timer up by matching every tag on every request: 28 % of the server's CPU
 * on a no-op endpoint (bench/README.md). Here each route and method keeps its timers in an array by status code, so
 * a request costs map lookups by the resource class and method and one timer update. Labels have a fixed set of
 * values: the route template (never the path as sent), a known method or {@code _OTHER}, the status code; unlike
 * Liberty's, no {@code server_address} taken from the client's Host header.
 */
@Provider
@PreMatching
@Priority(1)
public class HttpRequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

  static final String UNMATCHED = "/*";
  private static final String START = HttpRequestMetrics.class.getName() + ".start";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
  private static final Metadata DURATION = Metadata.builder().withName("http.server.request.duration")
      .withDescription("Time from the request reaching the application to its response, by route, method and status")
      .withUnit(MetricUnits.SECONDS).build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.VENDOR)
  MetricRegistry registry;

  @Context ResourceInfo resource;

  // By resource class first: a method inherited by two resources (PredictionsResource's, under /predict and
  // /api/v1/predictions) is one Method object for both, and each route needs its own timers.
  private final Map<Class<?>, Map<Method, Map<String, RouteTimers>>> matched = new ConcurrentHashMap<>();
  private final Map<String, RouteTimers> unmatched = new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object start = request.getProperty(START);
    if (start == null) {
      return;
    }
    String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "_OTHER";
    Method target = resource.getResourceMethod();
    RouteTimers timers = target == null
        ? unmatched.computeIfAbsent(method, m -> new RouteTimers(UNMATCHED, m))
        : matched(resource.getResourceClass(), target, method);
    timers.forStatus(response.getStatus()).update(Duration.ofNanos(System.nanoTime() - (long) start));
  }

  private RouteTimers matched(Class<?> type, Method target, String method) {
    Map<String, RouteTimers> byMethod = matched.computeIfAbsent(type, c -> new ConcurrentHashMap<>())
        .computeIfAbsent(target, t -> new ConcurrentHashMap<>());
    RouteTimers timers = byMethod.get(method);
    // A capturing lambda is allocated on each call: made on a miss only, not per request (bench/README.md).
    return timers != null ? timers : byMethod.computeIfAbsent(method, m -> new RouteTimers(route(type, target), m));
  }

  /** The route template: the class's {@code @Path} and the method's, e.g. {@code /v2/models/{name}/infer}. */
  static String route(Class<?> type, Method method) {
    String route = join("", type.getAnnotation(Path.class));
    return join(route, method.getAnnotation(Path.class));
  }

  private static String join(String prefix, Path path) {
    if (path == null || path.value().isEmpty() || "/".equals(path.value())) {
      return prefix.isEmpty() ? "/" : prefix;
    }
    String value = path.value().startsWith("/") ? path.value() : "/" + path.value();
    value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    return prefix.equals("/") ? value : prefix + value;
  }

  /** The timers of one route and method, one per status code, made on first use. */
  private final class RouteTimers {
    private final String route;
    private final String method;
    private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(600);

    RouteTimers(String route, String method) {
      this.route = route;
      this.method = method;
    }

    Timer forStatus(int status) {
      int index = status >= 100 && status < 600 ? status : 0;
      Timer timer = byStatus.get(index);
      if (timer == null) {
        timer = registry.timer(DURATION, new Tag("http_route", route), new Tag("http_request_method", method),
            new Tag("http_response_status_code", Integer.toString(status)));
        byStatus.set(index, timer);
      }
      return timer;
    }
  }
}
