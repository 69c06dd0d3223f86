package dev.predictionservice.predictions.boundary;

import dev.predictionservice.platform.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;

/**
 * Every error of the application (malformed JSON, wrong media type, unknown path, overload, the V2 resources' own)
 * is built as a Problem by the platform's mappers; this filter gives those on /v2 paths the protocol's shape
 * (InferenceErrorShape), so the mappers stay protocol-agnostic and no error can slip through in the other shape.
 */
@Provider
public class InferenceErrorFilter implements ContainerResponseFilter {

  @Inject InferenceErrorShape shape;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem && shape.owns(request.getUriInfo().getPath())) {
      response.setStatus(shape.status(problem));
      response.setEntity(shape.body(problem), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
      response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
  }
}
