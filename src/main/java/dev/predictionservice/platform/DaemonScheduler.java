package dev.predictionservice.platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A single named daemon thread for a component's periodic work (a poll, a probe, a sweep). A plain thread rather than
 * a managed executor: that work needs no container context, and a daemon thread never holds up the JVM's exit.
 */
public final class DaemonScheduler {

  private DaemonScheduler() {}

  /** One thread named {@code name}; the caller shuts it down when its bean goes away. */
  public static ScheduledExecutorService named(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
  }
}
