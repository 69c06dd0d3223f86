package dev.predictionservice.models.control;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this replica serves: the active version and the others loaded beside it. Immutable, so the registry publishes
 * a new one through one volatile write and a request finds a version with one read, never between two states (a
 * version moving from loaded to active is always in one of the two places).
 */
record Served(LoadedModel active, Map<String, LoadedModel> others) {

  static final Served NONE = new Served(null, Map.of());

  Served {
    others = Map.copyOf(others);
  }

  Optional<LoadedModel> find(String version) {
    if (active != null && active.version().equals(version)) {
      return Optional.of(active);
    }
    return Optional.ofNullable(others.get(version));
  }

  /** {@code next} active; the one active until now stays loaded beside it (the caller unloads it if it must go). */
  Served activate(LoadedModel next) {
    Map<String, LoadedModel> copy = new HashMap<>(others);
    copy.remove(next.version());
    if (active != null && !active.version().equals(next.version())) {
      copy.put(active.version(), active);
    }
    return new Served(next, copy);
  }

  Served with(LoadedModel model) {
    Map<String, LoadedModel> copy = new HashMap<>(others);
    copy.put(model.version(), model);
    return new Served(active, copy);
  }

  Served without(String version) {
    Map<String, LoadedModel> copy = new HashMap<>(others);
    copy.remove(version);
    return new Served(active, copy);
  }
}
