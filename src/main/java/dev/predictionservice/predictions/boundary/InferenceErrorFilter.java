package dev.predictionservice.predictions.boundary;

import dev.predictionservice.platform.Problem;
import dev.predictionservice.predictions.entity.InferenceError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;

/**
 * Under {@code /v2} the Open Inference Protocol fixes the error body: {@code {"error": "..."}}, not problem+json.
 * Every error of the application (malformed JSON, wrong media type, unknown path, overload, the V2 resources' own)
 * is built as a Problem by the platform's mappers; this filter rewrites those on /v2 paths, so the mappers stay
 * protocol-agnostic and no error can slip through in the other shape. 422 becomes 400, which the protocol uses for
 * every invalid request; other statuses (404, 405, 413, 415, 503) keep their meaning.
 */
@Provider
public class InferenceErrorFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem && isV2(request.getUriInfo().getPath())) {
      if (response.getStatus() == 422) {
        response.setStatus(400);
      }
      response.setEntity(new InferenceError(problem.detail()), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
      response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
  }

  static boolean isV2(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals("v2") || relative.startsWith("v2/");
  }
}
