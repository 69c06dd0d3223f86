package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** Whether the application is shutting down, so that readiness turns DOWN before the server stops serving. */
@ApplicationScoped
public class ShutdownState {

  private static final Logger LOG = RequestLogContext.logger(ShutdownState.class);
  private volatile boolean draining;

  void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    draining = true;
    LOG.info("Application stopping: readiness is now DOWN");
  }

  /** Called on SIGTERM (see GracefulShutdown), before the server stops, so readiness is DOWN while it still serves. */
  public void startDraining() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }
}
