package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.ModelsPolled;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The canary and shadow this replica follows: read from the database on every poll of the model table (the
 * {@link ModelsPolled} event, after the active and loaded versions were followed), so every replica changes split
 * within one poll interval of an admin call on any of them. Readers on the request path take one volatile read.
 */
@ApplicationScoped
public class Rollouts {

  private static final Logger LOG = RequestLogContext.logger(Rollouts.class);

  @Inject RolloutStore store;

  private volatile Rollout canary;
  private volatile Rollout shadow;

  /** The canary, or null. */
  Rollout canary() {
    return canary;
  }

  /** The shadow, or null. */
  Rollout shadow() {
    return shadow;
  }

  void follow(@Observes ModelsPolled polled) {
    try {
      reload();
    } catch (SQLException e) {
      // A database outage keeps the settings last read, as the active version stays during one.
      LOG.log(Level.FINE, "Reading the canary and shadow settings failed", e);
    }
  }

  /**
   * Reads the table now (the poll does, and an admin call after changing it, so its own replica follows at once).
   * Synchronized so that a poll that read the table before an admin change cannot publish after the change's reload.
   */
  synchronized void reload() throws SQLException {
    Map<String, Rollout> now = store.read();
    Rollout nextCanary = now.get(RolloutStore.CANARY);
    Rollout nextShadow = now.get(RolloutStore.SHADOW);
    if (!Objects.equals(canary, nextCanary)) {
      LOG.info(() -> "Canary now " + describe(nextCanary, "of the unversioned requests"));
    }
    if (!Objects.equals(shadow, nextShadow)) {
      LOG.info(() -> "Shadow now " + describe(nextShadow, "of the scoring calls"));
    }
    canary = nextCanary;
    shadow = nextShadow;
  }

  private static String describe(Rollout rollout, String of) {
    return rollout == null ? "off" : rollout.version() + " for " + rollout.share() * 100 + " % " + of;
  }
}
