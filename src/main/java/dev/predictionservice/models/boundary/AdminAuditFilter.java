package dev.predictionservice.models.boundary;

import dev.predictionservice.platform.RequestIds;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The audit line of every admin call that reached the application (an authenticated token; refused tokens are
 * answered 401 by Liberty before it): who (the token's subject), what (method and path), the outcome (status) and
 * the request id, on the logger {@code dev.predictionservice.audit}. Successful changes are INFO, refused or failed
 * calls WARNING, so an alert or a log search can pick them out.
 */
@Provider
@AdminAudited
@Priority(Priorities.USER)
public class AdminAuditFilter implements ContainerResponseFilter {

  static final String LOGGER = "dev.predictionservice.audit";
  private static final Logger LOG = RequestLogContext.namedLogger(LOGGER);

  @Inject RequestIds requestIds;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    Level level = status >= 400 ? Level.WARNING : Level.INFO;
    if (LOG.isLoggable(level)) {
      LOG.log(level, line(subject(request.getSecurityContext()), request.getMethod(),
          "/" + request.getUriInfo().getPath(false).replaceFirst("^/", ""), status, requestIds.current()));
    }
  }

  static String line(String subject, String method, String path, int status, String requestId) {
    // Fields as key=value with values that cannot contain spaces (the path is sent encoded), so the line parses.
    return "Admin audit: subject=" + subject + " action=" + method + " " + path + " status=" + status
        + " requestId=" + requestId;
  }

  /** The token's sub claim (upn or name when a token has none); "-" when unauthenticated. */
  static String subject(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (principal instanceof JsonWebToken token && token.getSubject() != null) {
      return token.getSubject().replaceAll("[\\s\\p{Cntrl}]", "_");
    }
    return principal == null ? "-" : principal.getName().replaceAll("[\\s\\p{Cntrl}]", "_");
  }
}
