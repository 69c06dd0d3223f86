package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.LoadedVersionState;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads in progress and the last failure per version, for the repository index and for the poll's back-off: a
 * replica that cannot load a version the others loaded (a corrupt bundle, an engine check failing on this CPU) keeps
 * serving, shows why in the index, and tries again only after {@link #RETRY_AFTER_MS}, not on every poll.
 */
final class LoadAttempts {

  static final long RETRY_AFTER_MS = 60_000;

  private record Failure(String reason, long atMillis) {}

  private final Set<String> loading = ConcurrentHashMap.newKeySet();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

  void started(String version) {
    loading.add(version);
  }

  void succeeded(String version) {
    loading.remove(version);
    failures.remove(version);
  }

  void failed(String version, Exception e, long nowMillis) {
    loading.remove(version);
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    failures.put(version, new Failure("load failed: " + message, nowMillis));
  }

  /** An unload or a delete: a later load starts afresh. */
  void forget(String version) {
    failures.remove(version);
  }

  boolean mayRetry(String version, long nowMillis) {
    Failure failure = failures.get(version);
    return failure == null || nowMillis - failure.atMillis() >= RETRY_AFTER_MS;
  }

  /** The state of a version that is not loaded here. */
  LoadedVersionState notLoaded(String version) {
    if (loading.contains(version)) {
      return LoadedVersionState.loading(version);
    }
    Failure failure = failures.get(version);
    return LoadedVersionState.unavailable(version, failure != null ? failure.reason() : "not loaded");
  }
}
