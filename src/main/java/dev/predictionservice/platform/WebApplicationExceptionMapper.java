package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** HTTP errors raised by the JAX-RS runtime (404, 405, 406, 415, 413 ...) as problem+json. */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    ProblemType type = ProblemType.forStatus(status);
    Response response = problems.of(type, detail(type, e));
    if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
      return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
    }
    return response;
  }

  private static String detail(ProblemType type, WebApplicationException e) {
    // The runtime's own messages may name classes; only a plain 400 or other status keeps its message.
    return type == ProblemType.BAD_REQUEST && e.getMessage() != null ? e.getMessage() : type.standardDetail();
  }
}
