package dev.predictionservice.models.control;

import dev.predictionservice.inference.control.DenseNetworkReader;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import dev.predictionservice.models.entity.ModelVersion;
import dev.predictionservice.training.SyntheticDataset;
import dev.predictionservice.training.TrainingOptions;
import dev.predictionservice.training.TrainingPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** A registry wired to an in-memory table, a loader that needs no bundle file, and gauges that only remember. */
final class RegistryFakes {

  private static ModelBundle trained;

  private RegistryFakes() {}

  /** A registry over {@code store} with at most {@code loadedMax} versions loaded beside the active one. */
  static ModelRegistry registry(FakeStore store, FakeLoader loader, FakeMemoryGauge memory, int loadedMax) {
    ModelRegistry registry = new ModelRegistry();
    registry.store = store;
    registry.loads = new VersionLoads();
    registry.loads.store = store;
    registry.loads.loader = loader;
    registry.served = new ServedModels();
    registry.served.gauge = new ActiveModelGauge() {
      @Override
      public void track(String version, Supplier<String> activeVersion) {}
    };
    registry.served.engineGauge = new EngineGauge() {
      @Override
      synchronized void serving(String engine) {}
    };
    registry.served.memoryGauge = memory;
    registry.loadedMax = loadedMax;
    return registry;
  }

  /** One small network, trained once, served under any version name with the Java engine. */
  static synchronized ModelBundle bundle(String version) {
    if (trained == null) {
      trained = TrainingPipeline.run(SyntheticDataset.generate(5, 500), SyntheticDataset.CATEGORIES,
          TrainingOptions.defaults(5).withEpochs(1), "test", "registry-test").bundle();
    }
    ModelMetadata m = trained.metadata();
    ModelMetadata renamed = new ModelMetadata(version, m.created(), m.schema(), m.trainingStats(), m.metrics(),
        m.seed(), m.hyperParameters(), m.dataSource());
    return new ModelBundle(renamed, trained.network(), trained.normalizer())
        .withEngine(DenseNetworkReader.read(trained.network(), trained.normalizer()));
  }

  /** The bundle bytes are the version name; a version starting with "bad" fails the check, as a corrupt one would. */
  static final class FakeLoader extends ModelLoader {
    final List<String> loads = new ArrayList<>();

    @Override
    public ModelBundle load(byte[] bytes, String name) {
      String version = new String(bytes, StandardCharsets.UTF_8);
      loads.add(version);
      if (version.startsWith("bad")) {
        throw new ModelBundleFormatException("Model bundle '" + name + "' is refused: the engines disagree");
      }
      return bundle(version);
    }
  }

  /** model_version in memory, with the same rules as the SQL (ModelStoreTest checks those on H2). */
  static final class FakeStore extends ModelStore {
    private record Row(boolean active, boolean loaded) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();

    synchronized FakeStore with(String... versions) {
      for (String version : versions) {
        rows.put(version, new Row(rows.isEmpty(), false));
      }
      return this;
    }

    @Override
    public synchronized List<ModelVersion> list() {
      return rows.entrySet().stream().map(e -> new ModelVersion(e.getKey(), Instant.EPOCH, Instant.EPOCH, "-",
          e.getKey().length(), e.getValue().active())).toList();
    }

    @Override
    public synchronized Optional<ModelVersion> find(String version) {
      return list().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    @Override
    public synchronized Optional<byte[]> bundle(String version) {
      return rows.containsKey(version) ? Optional.of(version.getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    }

    @Override
    public synchronized Optional<String> activeVersion() {
      return rows.entrySet().stream().filter(e -> e.getValue().active()).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public synchronized boolean activate(String version, boolean keepPrevious) {
      if (!rows.containsKey(version)) {
        return false;
      }
      Map<String, Row> next = new HashMap<>();
      rows.forEach((v, row) -> next.put(v, new Row(v.equals(version),
          !v.equals(version) && (row.loaded() || (row.active() && keepPrevious)))));
      rows.replaceAll((v, row) -> next.get(v));
      return true;
    }

    @Override
    public synchronized Set<String> loadedVersions() {
      Set<String> loaded = new TreeSet<>();
      rows.forEach((v, row) -> {
        if (row.loaded() && !row.active()) {
          loaded.add(v);
        }
      });
      return loaded;
    }

    @Override
    public synchronized boolean markLoaded(String version, boolean loaded) {
      Row row = rows.get(version);
      if (row == null || row.active()) {
        return false;
      }
      rows.put(version, new Row(false, loaded));
      return true;
    }

    @Override
    public synchronized boolean deleteInactive(String version) {
      Row row = rows.get(version);
      return row != null && !row.active() && rows.remove(version) != null;
    }
  }

  /** Remembers the series model_loaded_memory_bytes would have. */
  static final class FakeMemoryGauge extends LoadedMemoryGauge {
    final Map<String, Long> series = new HashMap<>();

    @Override
    synchronized void loaded(String version, long bytes) {
      series.put(version, bytes);
    }

    @Override
    synchronized void unloaded(String version) {
      series.remove(version);
    }
  }
}
