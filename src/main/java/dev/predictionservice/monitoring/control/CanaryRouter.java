package dev.predictionservice.monitoring.control;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * Picks the version for a request that names none: the active one, or, while a canary is set, the candidate for the
 * requests whose key ({@link RequestKey}) hashes into the canary's weight. Without a canary it costs one volatile
 * read. A candidate not loaded here (yet, or any more) leaves the request on the active version.
 */
@ApplicationScoped
public class CanaryRouter {

  @Inject ModelRegistry registry;
  @Inject Rollouts rollouts;
  @Inject RequestKey key;

  /** The model for an unversioned request; null only while the application is still starting. */
  public ModelBundle route() {
    ModelBundle active = registry.active();
    Rollout canary = rollouts.canary();
    if (canary == null || active == null || !RequestHash.within(key(), RequestHash.CANARY, canary.share())) {
      return active;
    }
    return registry.loaded(canary.version()).orElse(active);
  }

  private String key() {
    try {
      return key.value();
    } catch (ContextNotActiveException e) {
      return ""; // no request (a call from a background thread): every such call is on the same side of the split
    }
  }
}
