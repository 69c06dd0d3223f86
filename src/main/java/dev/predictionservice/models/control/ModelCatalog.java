package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelVersion;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registering, listing and deleting model versions. A bundle is fully read (and so checked) before it is stored. */
@ApplicationScoped
public class ModelCatalog {

  static final String PACKED_DEFAULT = "/model/default.bundle";
  private static final Logger LOG = RequestLogContext.logger(ModelCatalog.class);

  @Inject ModelStore store;
  @Inject ModelLoader loader;
  @Inject ModelRegistry registry;

  @Inject
  @ConfigProperty(name = "model.path")
  Optional<String> modelPath;

  /**
   * Registers an uploaded bundle; a corrupt or incompatible one, or one whose Java engine disagrees with DL4J, throws
   * ModelBundleFormatException, storing nothing.
   */
  public ModelVersion register(byte[] bytes, String name) throws SQLException, IOException {
    ModelBundle bundle = loader.load(bytes, name);
    if (store.find(bundle.version()).isPresent()) {
      throw new ModelConflictException("Model version '" + bundle.version() + "' is already registered");
    }
    ModelVersion version = new ModelVersion(bundle.version(), bundle.metadata().created(), Instant.now(),
        sha256(bytes), bytes.length, false);
    store.insert(version, ModelBundleFiles.metadataJson(bundle.metadata()), bytes);
    LOG.info(() -> "Model version " + version.version() + " registered from " + name);
    return version;
  }

  /** Registers the seed bundle (MODEL_PATH, or the default packed into the WAR) unless known; returns its version. */
  String registerSeed() throws SQLException, IOException {
    String path = modelPath.filter(p -> !p.isBlank()).orElse(null);
    byte[] bytes;
    String version;
    if (path != null) {
      // Read through ModelBundleFiles first: a missing or broken file fails with a message naming it.
      version = ModelBundleFiles.read(Path.of(path)).version();
      bytes = Files.readAllBytes(Path.of(path));
    } else {
      try (InputStream in = ModelCatalog.class.getResourceAsStream(PACKED_DEFAULT)) {
        if (in == null) {
          throw new ModelBundleFormatException("The packed default model " + PACKED_DEFAULT + " is missing");
        }
        bytes = in.readAllBytes();
      }
      version = ModelBundleFiles.read(new ByteArrayInputStream(bytes), "classpath:" + PACKED_DEFAULT).version();
    }
    String name = path != null ? path : "classpath:" + PACKED_DEFAULT;
    try {
      Optional<ModelVersion> known = store.find(version);
      if (known.isEmpty()) {
        register(bytes, name);
      } else {
        refreshIfRepacked(known.get(), bytes, name);
      }
    } catch (ModelConflictException | SQLException e) {
      // Another replica registered it at the same moment: fine, as long as it is there now.
      if (store.find(version).isEmpty()) {
        throw e;
      }
    }
    return version;
  }

  /**
   * A registry that already holds the seed's version from an older release keeps serving that release's bytes unless
   * they are refreshed: when the seed is the same network re-packed with newer metadata (the default bundle gained
   * drift bins with the same weights, so the same version), the stored bundle and metadata are replaced. A seed with
   * another network under a known version is left alone: the registered one is what replicas serve.
   */
  private void refreshIfRepacked(ModelVersion known, byte[] bytes, String name) throws SQLException, IOException {
    String checksum = sha256(bytes);
    if (known.checksum().equals(checksum)) {
      return;
    }
    byte[] stored = store.bundle(known.version()).orElseThrow(() -> new ModelNotFoundException(known.version()));
    if (!ModelBundleFiles.sameNetwork(stored, bytes)) {
      LOG.warning(() -> "Model version " + known.version() + " from " + name + " has another network than the one"
          + " registered under that version; the registered one is kept");
      return;
    }
    ModelBundle bundle = ModelBundleFiles.read(new ByteArrayInputStream(bytes), name);
    store.replaceBundle(known.version(), checksum, ModelBundleFiles.metadataJson(bundle.metadata()), bytes);
    LOG.info(() -> "Model version " + known.version() + ": the same network with newer metadata from " + name
        + " replaces the registered bundle");
  }

  public List<ModelVersion> list() throws SQLException {
    return store.list();
  }

  public ModelVersion find(String version) throws SQLException {
    return store.find(version).orElseThrow(() -> new ModelNotFoundException(version));
  }

  public String metadata(String version) throws SQLException {
    return store.metadata(version).orElseThrow(() -> new ModelNotFoundException(version));
  }

  /**
   * Deletes an inactive version; the active one cannot be deleted (activate another first). A loaded one is unloaded
   * on the way, here at once and on the other replicas at their next poll (its row, and so its flag, is gone): an
   * activation keeps the version it replaces loaded, so refusing would break the usual roll back, then delete.
   */
  public void delete(String version) throws SQLException {
    ModelVersion found = find(version);
    if (found.active() || !store.deleteInactive(version)) {
      throw new ModelConflictException("Model version '" + version + "' is active; activate another one first");
    }
    registry.deleted(version);
    LOG.info(() -> "Model version " + version + " deleted");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
