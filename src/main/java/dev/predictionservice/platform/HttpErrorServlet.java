package dev.predictionservice.platform;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page (WEB-INF/web.xml) for errors that Liberty or the JAX-RS runtime raise before any resource or exception
 * mapper sees the request: a Content-Type or Accept header that is no media type, a URL with %2F or bad UTF-8. Without
 * it they are Liberty's HTML pages. The answer is the same problem+json as the mappers give (or a component's own
 * shape, see ErrorShape), naming no class.
 */
@WebServlet(name = "http-errors", urlPatterns = HttpErrorServlet.PATH)
public class HttpErrorServlet extends HttpServlet {

  static final String PATH = "/errors/http";
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = RequestLogContext.logger(HttpErrorServlet.class);

  @Inject transient ServletProblems problems;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ProblemType type = ProblemType.forStatus(status(request));
    if (type == ProblemType.INTERNAL_ERROR) {
      LOG.log(Level.SEVERE, "Unexpected error before the application",
          (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    problems.write(request, response, type, uri == null ? PATH : pathInApplication(request, uri.toString()));
  }

  /** The status of the error; 404 when this servlet is called directly, not as an error page. */
  private static int status(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(status instanceof Integer code)) {
      return 404;
    }
    // Liberty answers a URL it refuses to decode (%2F) with an exception: the caller's fault, not the server's.
    if (code == 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e
        && e.getMessage() != null && e.getMessage().contains("CWWWC0005I")) {
      return 400;
    }
    return code;
  }

  private static String pathInApplication(HttpServletRequest request, String uri) {
    String context = request.getContextPath();
    return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
  }
}
