package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.LoadedVersionState;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Reads a version's bundle from the table and loads it through ModelLoader (the check included), remembering loads
 * in progress and the last failure per version for the repository index and for the poll's back-off: a replica that
 * cannot load a version the others loaded (a corrupt bundle, an engine check failing on this CPU) keeps serving,
 * shows why in the index, and tries again only after {@link #RETRY_AFTER_MS}, not on every poll.
 */
@ApplicationScoped
public class VersionLoads {

  static final long RETRY_AFTER_MS = 60_000;
  private static final Logger LOG = RequestLogContext.logger(VersionLoads.class);

  private record Failure(String reason, long atMillis) {}

  private final Set<String> loading = ConcurrentHashMap.newKeySet();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  LongSupplier clock = System::currentTimeMillis;

  @Inject ModelStore store;
  @Inject ModelLoader loader;

  /**
   * @throws ModelNotFoundException when the version is not registered
   * @throws ModelBundleFormatException when its bundle fails the check (kept as the reason the index shows)
   */
  LoadedModel read(String version) throws SQLException, IOException {
    byte[] bytes = store.bundle(version).orElseThrow(() -> new ModelNotFoundException(version));
    started(version);
    try {
      LoadedModel model = LoadedModel.of(loader.load(bytes, "model version " + version));
      succeeded(version);
      LOG.info(() -> "Model " + version + " loaded (" + model.bundle().engineKind() + " engine, about "
          + model.memoryBytes() + " bytes)");
      return model;
    } catch (IOException | RuntimeException e) {
      failed(version, e);
      throw e;
    }
  }

  void started(String version) {
    loading.add(version);
  }

  void succeeded(String version) {
    loading.remove(version);
    failures.remove(version);
  }

  private void failed(String version, Exception e) {
    loading.remove(version);
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    failures.put(version, new Failure("load failed: " + message, clock.getAsLong()));
  }

  /** An unload or a delete: a later load starts afresh. */
  void forget(String version) {
    failures.remove(version);
  }

  /** Whether the poll may try {@code version} now: never failed, or failed at least RETRY_AFTER_MS ago. */
  boolean mayRetry(String version) {
    Failure failure = failures.get(version);
    return failure == null || clock.getAsLong() - failure.atMillis() >= RETRY_AFTER_MS;
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
