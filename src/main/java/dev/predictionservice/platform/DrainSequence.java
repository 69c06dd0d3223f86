package dev.predictionservice.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The order of a graceful stop, without the signal plumbing so it can be tested: mark the replica draining (readiness
 * turns DOWN while the listeners still serve), wait so load balancers and Kubernetes endpoints stop sending new
 * requests, then hand over to the server's own stop, whose quiesce lets the requests still in flight finish.
 */
public final class DrainSequence implements Runnable {

  /** Waits for the drain delay; a seam for tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger LOG = RequestLogContext.logger(DrainSequence.class);

  private final ShutdownState state;
  private final Duration delay;
  private final Sleeper sleeper;
  private final Runnable stopServer;
  private final AtomicBoolean started = new AtomicBoolean();

  public DrainSequence(ShutdownState state, Duration delay, Sleeper sleeper, Runnable stopServer) {
    this.state = state;
    this.delay = delay;
    this.sleeper = sleeper;
    this.stopServer = stopServer;
  }

  /** Runs the sequence once; a second signal during the drain is ignored rather than cutting it short. */
  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      LOG.info("Stop already in progress; ignoring the repeated signal");
      return;
    }
    state.startDraining();
    LOG.info(() -> "Draining: readiness is DOWN, the server stops in " + delay.toMillis() + " ms");
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      // Stopping anyway is right: whoever interrupted us wants the process gone sooner, not never.
      Thread.currentThread().interrupt();
    }
    LOG.info("Drain delay over: stopping the server (in-flight requests finish during its quiesce)");
    stopServer.run();
  }

  public boolean started() {
    return started.get();
  }
}
