package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * Builds every error response, counted by its bounded reason: problem+json, or the shape of the component that owns
 * the request's path (ErrorShape, e.g. the Open Inference Protocol's under /v2). The shape is chosen here, once, when
 * the answer is built: no filter rewrites a response afterwards.
 */
@ApplicationScoped
public class ProblemResponses {

  private static final Metadata ERRORS =
      Metadata.builder().withName("request_errors").withDescription("Requests answered with an error, by reason")
          .build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  @Inject RequestIds requestIds;
  @Inject Instance<ErrorShape> shapes;
  @Inject HttpServletRequest request;

  public Response of(ProblemType type, String detail) {
    return of(type, detail, null);
  }

  public Response of(ProblemType type, String detail, List<FieldError> errors) {
    Problem problem = problem(type, detail, errors);
    ErrorShape shape = shapeFor(currentPath());
    Response.ResponseBuilder response = shape == null
        ? Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
        : Response.status(shape.status(problem)).type(MediaType.APPLICATION_JSON_TYPE).entity(shape.body(problem));
    if (type.status() == 503) {
      response.header("Retry-After", "1");
    }
    return response.build();
  }

  /** The problem itself, counted; for answers not built as a JAX-RS response (see ServletProblems). */
  public Problem problem(ProblemType type, String detail, List<FieldError> errors) {
    registry.counter(ERRORS, new Tag("reason", type.slug())).inc();
    return new Problem(type.uri(), type.title(), type.status(), detail, requestIds.current(), errors);
  }

  /** Problem with a list of field errors; the detail summarises the first. */
  public Response invalid(ProblemType type, List<FieldError> errors) {
    FieldError first = errors.get(0);
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return of(type, first.field() + ": " + first.message() + more, errors);
  }

  /**
   * The component's own error shape for a path inside the application, or null for problem+json.
   *
   * @param path the request path inside the application, starting with "/"
   */
  ErrorShape shapeFor(String path) {
    if (path == null) {
      return null;
    }
    for (ErrorShape shape : shapes) {
      if (shape.owns(path)) {
        return shape;
      }
    }
    return null;
  }

  /** The current request's path inside the application; null outside a request. */
  private String currentPath() {
    try {
      String uri = request.getRequestURI();
      String context = request.getContextPath();
      return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    } catch (ContextNotActiveException e) {
      return null;
    }
  }
}
