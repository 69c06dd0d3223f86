package dev.predictionservice.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM (what Kubernetes, Docker and systemd send) into a drain: Liberty on its own closes its listeners as
 * soon as the JVM begins to exit, so readiness could never be seen DOWN. Taking the signal first lets readiness go DOWN
 * while requests are still served, and only after {@code shutdown.drain.seconds} re-raises it to the JVM's own
 * handler, which runs Liberty's normal stop (quiesce: in-flight requests finish, up to 30 s). SIGINT (Ctrl-C in a
 * terminal) is left alone so a developer's stop stays immediate.
 */
@ApplicationScoped
public class GracefulShutdown {

  static final String DRAIN_SECONDS = "shutdown.drain.seconds";
  private static final Logger LOG = RequestLogContext.logger(GracefulShutdown.class);
  private static final Signal TERM = new Signal("TERM");

  @Inject ShutdownState state;

  @Inject
  @ConfigProperty(name = DRAIN_SECONDS, defaultValue = "5")
  long drainSeconds;

  private volatile SignalHandler previous;
  private volatile DrainSequence sequence;

  /** A drain out of range fails the start naming the key. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    ConfigValues.requireInRange(DRAIN_SECONDS, drainSeconds, 0, 300);
  }

  /** Takes SIGTERM once the whole start succeeded ({@link StartOrder}): a failed start leaves the JVM's handler. */
  void takeSignal(
      @Observes @Priority(StartOrder.BACKGROUND_WORK) @Initialized(ApplicationScoped.class) Object event) {
    DrainSequence drain =
        new DrainSequence(state, Duration.ofSeconds(drainSeconds), d -> Thread.sleep(d.toMillis()), this::reraise);
    try {
      previous = Signal.handle(TERM, signal -> startDrain(drain));
      sequence = drain;
      LOG.info(() -> "SIGTERM drains for " + drainSeconds + " s before the server stops (" + DRAIN_SECONDS + ")");
    } catch (IllegalArgumentException e) {
      // The JVM reserves the signal (e.g. started with -Xrs): the server still stops cleanly, just without the drain.
      LOG.warning("SIGTERM cannot be handled in this JVM, stopping without a drain: " + e.getMessage());
    }
  }

  /** On an undeploy (not a JVM exit) give the signal back, so no handler points into a discarded class loader. */
  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    DrainSequence drain = sequence;
    if (previous != null && (drain == null || !drain.started())) {
      Signal.handle(TERM, previous);
    }
  }

  private void startDrain(DrainSequence drain) {
    // Off the signal thread, which must return promptly.
    Thread thread = new Thread(drain, "graceful-shutdown");
    thread.setDaemon(false);
    thread.start();
  }

  private void reraise() {
    Signal.handle(TERM, previous);
    Signal.raise(TERM);
  }
}
