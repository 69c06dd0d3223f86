package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else: logged with the request id, answered with a 500 problem that reveals nothing internal. */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = RequestLogContext.logger(UnexpectedExceptionMapper.class);

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(Throwable e) {
    // The request id is on the line already (RequestLogContext), in plain and JSON logs.
    LOG.log(Level.SEVERE, "Unexpected error, answered 500", e);
    return problems.of(ProblemType.INTERNAL_ERROR, "Unexpected error; quote the request id when reporting it");
  }
}
