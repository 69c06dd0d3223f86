package dev.predictionservice.inferenceprotocol.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.inferenceprotocol.entity.RepositoryIndexEntry;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.LoadedVersionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-repository extension over the registry's loaded versions: the index, load and unload of one version
 * (named in the body's {@code parameters.version}). The registry decides (bound, the active version, the engine
 * check) and shares the loaded set with the other replicas; its refusals keep their status (404, 409, 422 -> 400).
 */
@ApplicationScoped
public class ModelRepository {

  @Inject ModelRegistry registry;
  @Inject InferenceModels models;

  /** Every registered version with its state here; with {@code {"ready": true}} only the READY ones. */
  public List<RepositoryIndexEntry> index(JsonNode body) throws SQLException {
    boolean readyOnly = RepositoryRequests.readyOnly(body);
    List<RepositoryIndexEntry> entries = new ArrayList<>();
    for (LoadedVersionState version : registry.repository()) {
      boolean ready = version.state() == LoadedVersionState.State.READY;
      if (ready || !readyOnly) {
        entries.add(entry(version));
      }
    }
    return entries;
  }

  public RepositoryIndexEntry load(String name, JsonNode body) throws SQLException, IOException {
    requireServed(name);
    String version = RepositoryRequests.version(body, "load");
    registry.load(version);
    return entryOf(version);
  }

  public RepositoryIndexEntry unload(String name, JsonNode body) throws SQLException {
    requireServed(name);
    String version = RepositoryRequests.version(body, "unload");
    registry.unload(version);
    return entryOf(version);
  }

  private void requireServed(String name) {
    if (!models.modelName().equals(name)) {
      throw InferenceRequestException.unknownModel("model '" + name + "' not found; this server serves '"
          + models.modelName() + "'");
    }
  }

  private RepositoryIndexEntry entryOf(String version) throws SQLException {
    return registry.repository().stream().filter(v -> v.version().equals(version)).findFirst().map(this::entry)
        .orElseThrow(() -> InferenceRequestException.unknownModel("version '" + version + "' is not registered"));
  }

  private RepositoryIndexEntry entry(LoadedVersionState version) {
    boolean ready = version.state() == LoadedVersionState.State.READY;
    return new RepositoryIndexEntry(models.modelName(), version.version(), version.state().name(), version.reason(),
        ready ? version.memoryBytes() : null);
  }
}
