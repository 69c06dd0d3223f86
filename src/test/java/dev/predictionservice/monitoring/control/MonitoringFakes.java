package dev.predictionservice.monitoring.control;

import dev.predictionservice.inference.TestNetworks;
import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import dev.predictionservice.platform.RequestIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.activations.Activation;

/** Small fakes for the canary and shadow tests: bundles, a registry, a store and request ids. */
final class MonitoringFakes {

  private MonitoringFakes() {}

  /** A servable bundle with its own network (seed) and the default schema, or the categories given. */
  static ModelBundle bundle(String version, long seed, String... categories) {
    ModelMetadata base = ModelBundleFiles.read(Path.of("src/main/resources/model/default.bundle")).metadata();
    FeatureSchema schema = categories.length == 0 ? base.schema() : FeatureSchema.withCategories(List.of(categories));
    ModelMetadata metadata = new ModelMetadata(version, base.created(), schema, base.trainingStats(),
        base.metrics(), seed, base.hyperParameters(), "test network");
    return new ModelBundle(metadata,
        TestNetworks.dense(seed, new int[] {4}, new Activation[] {Activation.RELU}, 1, Activation.SIGMOID),
        TestNetworks.standardizer());
  }

  /** A registry serving the first bundle as the active version and the others as loaded. */
  static class Registry extends ModelRegistry {
    final ModelBundle active;
    final Map<String, ModelBundle> loaded = new HashMap<>();

    Registry(ModelBundle active, ModelBundle... others) {
      this.active = active;
      loaded.put(active.version(), active);
      for (ModelBundle other : others) {
        loaded.put(other.version(), other);
      }
    }

    @Override
    public ModelBundle active() {
      return active;
    }

    @Override
    public Optional<ModelBundle> loaded(String version) {
      return Optional.ofNullable(loaded.get(version));
    }
  }

  /** The model_rollout table as a map; its changes are also written to {@code events}. */
  static final class Store extends RolloutStore {
    final Map<String, Rollout> rows = new HashMap<>();
    final List<String> events = new ArrayList<>();

    @Override
    Map<String, Rollout> read() {
      return new HashMap<>(rows);
    }

    @Override
    void put(String kind, Rollout rollout) {
      rows.put(kind, rollout);
      events.add("put " + kind + " " + rollout.version());
    }

    @Override
    boolean clear(String kind) {
      events.add("clear " + kind);
      return rows.remove(kind) != null;
    }
  }

  static Rollouts rollouts(Store store) throws Exception {
    Rollouts rollouts = new Rollouts();
    rollouts.store = store;
    rollouts.reload();
    return rollouts;
  }

  static RequestIds requestIds(String id) {
    RequestIds ids = new RequestIds();
    ids.assign(id);
    return ids;
  }

  /** Counts what ShadowMetrics would. */
  static final class Metrics extends ShadowMetrics {
    final List<String> dropped = new ArrayList<>();
    final List<String> agreed = new ArrayList<>();

    @Override
    void dropped(String reason) {
      dropped.add(reason);
    }

    @Override
    void agreed(String servedVersion, String shadowVersion, Agreement agreement) {
      agreed.add(servedVersion + " " + shadowVersion + " " + agreement);
    }
  }
}
