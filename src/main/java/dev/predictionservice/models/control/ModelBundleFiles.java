package dev.predictionservice.models.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * The bundle format: one zip file that DL4J's ModelSerializer wrote (network + normalizer) with one more entry,
 * {@code metadata.json}. DL4J ignores the extra entry, and any zip tool can read the metadata.
 */
public final class ModelBundleFiles {

  public static final String METADATA_ENTRY = "metadata.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  static {
    // ND4J (a shared library, loaded once per server) keeps the context class loader of the thread that first used it
    // in a static field; in Liberty that is the first deployment's, and it kept that deployment's classes loaded for
    // the server's life after any redeploy (bench/README.md). ND4J finds its backends through its own loader as well.
    ND4JClassLoading.setNd4jClassloader(ND4JClassLoading.class.getClassLoader());
  }

  private ModelBundleFiles() {}

  /**
   * Whether two bundles hold the same network and normalizer, entry for entry, whatever their metadata: a bundle
   * re-packed with newer metadata (e.g. drift bins) serves exactly what the old one did.
   */
  public static boolean sameNetwork(byte[] one, byte[] other) throws IOException {
    return entriesButMetadata(one).equals(entriesButMetadata(other));
  }

  private static Map<String, String> entriesButMetadata(byte[] bundle) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.getName().equals(METADATA_ENTRY)) {
          entries.put(entry.getName(), HexFormat.of().formatHex(sha256().digest(zip.readAllBytes())));
        }
      }
    }
    return entries;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The metadata as JSON text, as the model registry stores it beside the bundle. */
  public static String metadataJson(ModelMetadata metadata) throws IOException {
    return JSON.writeValueAsString(metadata);
  }

  /** Stored metadata JSON as a tree, for the admin API to show as it is. */
  public static JsonNode readTree(String json) throws IOException {
    return JSON.readTree(json);
  }

  /** Writes the bundle to {@code file}, replacing it. */
  public static void write(ModelBundle bundle, Path file) throws IOException {
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      throw new IOException("Cannot write a bundle to the root of the file system: " + file);
    }
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "bundle", ".tmp");
    try {
      // Two steps: the one-call writeModel(net, file, false, normalizer) fails in DL4J 1.0.0-M2.1.
      ModelSerializer.writeModel(bundle.network(), tmp.toFile(), false);
      ModelSerializer.addNormalizerToModel(tmp.toFile(), bundle.normalizer());
      try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
        Files.write(zip.getPath(METADATA_ENTRY), JSON.writeValueAsBytes(bundle.metadata()));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Replaces the {@code metadata.json} of the bundle {@code file} and leaves the network and normalizer entries as
   * they are (the trainer's refresh of a committed bundle's training statistics: same weights, same version).
   */
  public static void replaceMetadata(Path file, ModelMetadata metadata) throws IOException {
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toAbsolutePath().toUri()), Map.of())) {
      Files.write(zip.getPath(METADATA_ENTRY), JSON.writeValueAsBytes(metadata));
    }
  }

  /** Reads a bundle; any problem becomes a ModelBundleFormatException naming the file and what is wrong. */
  public static ModelBundle read(Path file) {
    ModelMetadata metadata = readMetadata(file);
    Pair<MultiLayerNetwork, Normalizer> model;
    try {
      model = ModelSerializer.restoreMultiLayerNetworkAndNormalizer(file.toFile(), false);
    } catch (IOException | RuntimeException e) {
      throw new ModelBundleFormatException(
          "Model bundle '" + file + "': the DL4J model cannot be read: " + e.getMessage(), e);
    }
    if (!(model.getSecond() instanceof DataNormalization normalizer)) {
      throw new ModelBundleFormatException("Model bundle '" + file + "' holds no normalizer");
    }
    MultiLayerNetwork network = model.getFirst();
    long inputs = network.layerInputSize(0);
    if (inputs != metadata.schema().width()) {
      throw new ModelBundleFormatException(
          "Model bundle '" + file + "': the network takes " + inputs + " inputs but the schema encodes "
              + metadata.schema().width());
    }
    return new ModelBundle(metadata, network, normalizer);
  }

  /** Reads a bundle from a stream (a class path resource, an upload) through a temporary file. */
  public static ModelBundle read(InputStream in, String name) throws IOException {
    Path tmp = Files.createTempFile("model", ".bundle");
    try {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      try {
        return read(tmp);
      } catch (ModelBundleFormatException e) {
        throw new ModelBundleFormatException(e.getMessage().replace(tmp.toString(), name), e.getCause());
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static ModelMetadata readMetadata(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(METADATA_ENTRY);
      if (entry == null) {
        throw new ModelBundleFormatException("Model bundle '" + file + "' has no " + METADATA_ENTRY);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        ModelMetadata metadata = JSON.readValue(in, ModelMetadata.class);
        if (metadata.version() == null || metadata.schema() == null || metadata.schema().categories().isEmpty()) {
          throw new ModelBundleFormatException(
              "Model bundle '" + file + "': " + METADATA_ENTRY + " lacks a version or a feature schema");
        }
        return metadata;
      }
    } catch (NoSuchFileException e) {
      throw new ModelBundleFormatException("Model bundle '" + file + "' does not exist", e);
    } catch (IOException e) {
      String why = Files.exists(file) ? "is not a model bundle (" + e.getMessage() + ")" : "does not exist";
      throw new ModelBundleFormatException("Model bundle '" + file + "' " + why, e);
    }
  }
}
