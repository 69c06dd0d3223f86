package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes a problem straight to a servlet response, for errors no JAX-RS mapper sees (HttpErrorServlet,
 * EmptyErrorBodyFilter): problem+json, or the shape of the component that owns the path (ErrorShape).
 */
@ApplicationScoped
public class ServletProblems {

  @Inject ProblemResponses problems;
  @Inject RequestIds requestIds;

  /** @param path the request path inside the application */
  void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String path)
      throws IOException {
    String id = requestIds.currentOr(request.getHeader(RequestIds.HEADER));
    Problem problem = problems.problem(type, type.standardDetail(), null);
    ErrorShape shape = problems.shapeFor(path);
    response.resetBuffer();
    response.setHeader(RequestIds.HEADER, id);
    response.setStatus(shape == null ? problem.status() : shape.status(problem));
    response.setContentType(shape == null ? Problem.MEDIA_TYPE : "application/json");
    // Written as bytes (UTF-8, Jackson's default): no charset parameter, the same header as the mappers' answers.
    JsonProvider.MAPPER.writeValue(response.getOutputStream(), shape == null ? problem : shape.body(problem));
  }
}
