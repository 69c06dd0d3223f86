package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.ModelConflictException;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.monitoring.entity.CanarySetting;
import dev.predictionservice.monitoring.entity.ShadowSetting;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The admin side of canary and shadow: each change goes to the database (which the other replicas poll) and is
 * followed here at once. The version named must be registered and not active; it is loaded through the registry's
 * checked load (on every replica, through its loaded flag), so a version the registry refuses is refused here too:
 * 404 unknown, 409 when {@code models.loaded.max} versions are loaded, 422 when its bundle fails the check.
 */
@ApplicationScoped
public class RolloutAdmin {

  private static final Logger LOG = RequestLogContext.logger(RolloutAdmin.class);

  @Inject ModelRegistry registry;
  @Inject RolloutStore store;
  @Inject Rollouts rollouts;

  public CanarySetting canary() throws SQLException {
    Rollout canary = current(RolloutStore.CANARY);
    return new CanarySetting(canary.version(), canary.share());
  }

  public ShadowSetting shadow() throws SQLException {
    Rollout shadow = current(RolloutStore.SHADOW);
    return new ShadowSetting(shadow.version(), shadow.share());
  }

  public synchronized CanarySetting setCanary(CanarySetting canary) throws SQLException, IOException {
    set(RolloutStore.CANARY, new Rollout(canary.version(), canary.weight()));
    return canary;
  }

  public synchronized ShadowSetting setShadow(ShadowSetting shadow) throws SQLException, IOException {
    set(RolloutStore.SHADOW, new Rollout(shadow.version(), shadow.fraction()));
    return shadow;
  }

  /**
   * Makes the candidate the active version, then clears the split. In that order, so a replica polling in between
   * sends everything to the candidate (active and candidate are one), never back to the old version.
   *
   * @return the version now active
   */
  public synchronized String promote() throws SQLException, IOException {
    String candidate = current(RolloutStore.CANARY).version();
    registry.activate(candidate);
    store.clear(RolloutStore.CANARY);
    rollouts.reload();
    LOG.info(() -> "Canary " + candidate + " promoted: now the active version");
    return candidate;
  }

  /** Clears the canary (the abort: every request goes to the active version) or the shadow; idempotent. */
  public synchronized void clear(boolean canary) throws SQLException {
    String kind = canary ? RolloutStore.CANARY : RolloutStore.SHADOW;
    if (store.clear(kind)) {
      LOG.info(() -> "The " + kind + " was cleared");
    }
    rollouts.reload();
  }

  private void set(String kind, Rollout rollout) throws SQLException, IOException {
    if (registry.active() != null && registry.active().version().equals(rollout.version())) {
      throw new ModelConflictException("Model version '" + rollout.version() + "' is the active version; a " + kind
          + " names another one");
    }
    registry.load(rollout.version());
    store.put(kind, rollout);
    rollouts.reload();
  }

  private Rollout current(String kind) throws SQLException {
    Rollout rollout = store.read().get(kind);
    if (rollout == null) {
      throw new NoRolloutException(kind);
    }
    return rollout;
  }
}
