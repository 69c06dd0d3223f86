package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/** Builds problem+json responses and counts them by their bounded reason. */
@ApplicationScoped
public class ProblemResponses {

  private static final Metadata ERRORS =
      Metadata.builder().withName("request_errors").withDescription("Requests answered with an error, by reason")
          .build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  @Inject RequestIds requestIds;

  public Response of(ProblemType type, String detail) {
    return of(type, detail, null);
  }

  public Response of(ProblemType type, String detail, List<FieldError> errors) {
    Problem problem = problem(type, detail, errors);
    Response.ResponseBuilder response = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (type.status() == 503) {
      response.header("Retry-After", "1");
    }
    return response.build();
  }

  /** The problem itself, counted; for answers not built as a JAX-RS response (see HttpErrorServlet). */
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
}
