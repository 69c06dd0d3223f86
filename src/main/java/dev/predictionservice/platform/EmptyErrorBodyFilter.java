package dev.predictionservice.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Gives a problem body to a 401 or 403 that Liberty's security answers with an empty body (MP JWT missing or
 * rejected), so the admin API's refusals look like every other error. Mapped in WEB-INF/web.xml to the protected
 * paths only: the other paths pay nothing for it.
 */
public class EmptyErrorBodyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient ServletProblems problems;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BodyWatch watched = new BodyWatch(response);
    chain.doFilter(request, watched);
    int status = response.getStatus();
    if ((status == 401 || status == 403) && !watched.written && !response.isCommitted()) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      problems.write(request, response, status == 401 ? ProblemType.UNAUTHORIZED : ProblemType.FORBIDDEN, path);
    }
  }

  /** Notes whether anything asked for the body; a 401 or 403 by sendError is left to the filter to answer. */
  private static final class BodyWatch extends HttpServletResponseWrapper {

    boolean written;

    BodyWatch(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      written = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      written = true;
      return super.getWriter();
    }

    /** Liberty's security flushes its empty 401 at once; held back so the filter can still add the body. */
    @Override
    public void flushBuffer() throws IOException {
      if (written || (getStatus() != 401 && getStatus() != 403)) {
        super.flushBuffer();
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status == 401 || status == 403) {
        setStatus(status); // the filter writes the body
      } else {
        super.sendError(status, message);
      }
    }
  }
}
