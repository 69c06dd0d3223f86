package dev.predictionservice.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Model bundles for the admin tests: the trained default with its metadata.json changed. */
public final class TestBundles {

  private TestBundles() {}

  public static byte[] defaultBundle() throws IOException {
    return Files.readAllBytes(Path.of("src/main/resources/model/default.bundle"));
  }

  /** The default network under another version name: a valid, servable bundle. */
  public static byte[] withVersion(String version) throws IOException {
    return withMetadata(m -> m.put("version", version));
  }

  /** The default network as a bundle trained before bundles carried drift bins: it loads, drift is unavailable. */
  public static byte[] withoutDriftBins(String version) throws IOException {
    return withMetadata(m -> {
      m.put("version", version);
      ((ObjectNode) m.get("trainingStats")).remove(List.of("ageBins", "incomeBins", "predictionBins"));
    });
  }

  /** A bundle whose schema does not fit its network (one category too many): incompatible. */
  public static byte[] incompatible(String version) throws IOException {
    return withMetadata(m -> {
      m.put("version", version);
      ((ArrayNode) m.get("schema").get("categories")).add("EXTRA");
    });
  }

  private static byte[] withMetadata(Consumer<ObjectNode> change) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipFile zip = new ZipFile("src/main/resources/model/default.bundle");
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = zip.getInputStream(entry)) {
          if (entry.getName().equals("metadata.json")) {
            ObjectNode metadata = (ObjectNode) LibertyServer.JSON.readTree(in);
            change.accept(metadata);
            out.write(LibertyServer.JSON.writeValueAsBytes(metadata));
          } else {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
