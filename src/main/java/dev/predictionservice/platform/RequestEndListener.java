package dev.predictionservice.platform;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Takes the request id off the thread when a request of this application ends: the next request on a pooled thread
 * must not find it, nor log lines written between requests. The servlet container calls this on the request's own
 * thread for every request, also the ones a JAX-RS response filter never saw (an error page, a failed write).
 */
@WebListener
public class RequestEndListener implements ServletRequestListener {

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    RequestLogContext.exit();
  }
}
