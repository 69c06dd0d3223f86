package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.FeatureStats;
import dev.predictionservice.models.entity.FeatureStats.Bins;
import dev.predictionservice.models.entity.ModelBundle;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed default model carries drift bins that describe its own training rows (seed 42, 20,000 generated, the
 * trainer's split, scored by the Java engine), its version is still the hash of its weights, and a bundle written
 * before bins existed still loads, without them.
 */
class DefaultBundleDriftTest {

  private static final Path DEFAULT = Path.of("src/main/resources/model/default.bundle");
  private static ModelBundle bundle;

  @BeforeAll
  static void read() {
    bundle = ModelBundleFiles.read(DEFAULT);
  }

  @Test
  void theCommittedBinsAreTheOnesItsTrainingRowsGive() {
    FeatureStats committed = bundle.metadata().trainingStats();
    FeatureStats recomputed = TrainingStatsRefresh.refreshed(bundle, 20_000).trainingStats();

    assertTrue(committed.hasDriftBins());
    assertEquals("m-67bbd5326a4f", bundle.version());
    assertClose(recomputed.ageBins(), committed.ageBins());
    assertClose(recomputed.incomeBins(), committed.incomeBins());
    assertClose(recomputed.predictionBins(), committed.predictionBins());
    assertEquals(List.of(25.0, 32.0, 39.0, 46.0, 54.0, 61.0, 68.0, 76.0, 83.0), committed.ageBins().edges());
  }

  @Test
  void otherRowsThanTheTrainingOnesAreRefused() {
    assertThrows(IllegalStateException.class, () -> TrainingStatsRefresh.refreshed(bundle, 19_000));
  }

  @Test
  void aBundleFromBeforeDriftBinsStillLoads(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("old.bundle");
    Files.copy(DEFAULT, old);
    ObjectMapper json = new ObjectMapper();
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + old.toUri()), Map.of())) {
      Path entry = zip.getPath(ModelBundleFiles.METADATA_ENTRY);
      ObjectNode metadata = (ObjectNode) json.readTree(Files.readAllBytes(entry));
      ((ObjectNode) metadata.get("trainingStats")).remove(List.of("ageBins", "incomeBins", "predictionBins"));
      Files.write(entry, json.writeValueAsBytes(metadata));
    }

    ModelBundle read = ModelBundleFiles.read(old);

    FeatureStats stats = read.metadata().trainingStats();
    assertNull(stats.ageBins());
    assertFalse(stats.hasDriftBins());
    assertEquals(bundle.metadata().trainingStats().categoryShares(), stats.categoryShares());
  }

  private static void assertClose(Bins expected, Bins actual) {
    assertEquals(expected.edges().size(), actual.edges().size());
    for (int i = 0; i < expected.edges().size(); i++) {
      assertEquals(expected.edges().get(i), actual.edges().get(i), 1e-6, "edge " + i);
    }
    for (int i = 0; i < expected.shares().size(); i++) {
      assertEquals(expected.shares().get(i), actual.shares().get(i), 1e-9, "share " + i);
    }
  }
}
