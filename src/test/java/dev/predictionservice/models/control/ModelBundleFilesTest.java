package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a bundle can be broken gives a message that names the file and the problem. */
class ModelBundleFilesTest {

  @TempDir Path dir;

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.bundle");

    var e = assertThrows(ModelBundleFormatException.class, () -> ModelBundleFiles.read(file));

    assertEquals("Model bundle '" + file + "' does not exist", e.getMessage());
  }

  @Test
  void notAZip() throws Exception {
    Path file = Files.writeString(dir.resolve("text.bundle"), "hello");

    var e = assertThrows(ModelBundleFormatException.class, () -> ModelBundleFiles.read(file));

    assertTrue(e.getMessage().startsWith("Model bundle '" + file + "' is not a model bundle"), e.getMessage());
  }

  @Test
  void zipWithoutMetadata() throws Exception {
    Path file = zip("empty.bundle", Map.of("something.txt", "x"));

    var e = assertThrows(ModelBundleFormatException.class, () -> ModelBundleFiles.read(file));

    assertEquals("Model bundle '" + file + "' has no metadata.json", e.getMessage());
  }

  @Test
  void metadataWithoutSchema() throws Exception {
    Path file = zip("noschema.bundle", Map.of("metadata.json", "{\"version\":\"v1\"}"));

    var e = assertThrows(ModelBundleFormatException.class, () -> ModelBundleFiles.read(file));

    assertTrue(e.getMessage().contains("lacks a version or a feature schema"), e.getMessage());
  }

  @Test
  void metadataButNoNetwork() throws Exception {
    String metadata = "{\"version\":\"v1\",\"schema\":{\"ageMin\":0,\"ageMax\":120,\"incomeMin\":0,"
        + "\"incomeMax\":1e9,\"categories\":[\"A\"]},\"hyperParameters\":{}}";
    Path file = zip("nonet.bundle", Map.of("metadata.json", metadata));

    var e = assertThrows(ModelBundleFormatException.class, () -> ModelBundleFiles.read(file));

    assertTrue(e.getMessage().contains("the DL4J model cannot be read"), e.getMessage());
  }

  @Test
  void streamErrorsNameTheSourceNotTheTemporaryFile() {
    var in = new ByteArrayInputStream("junk".getBytes(StandardCharsets.UTF_8));

    var e = assertThrows(ModelBundleFormatException.class, () -> ModelBundleFiles.read(in, "upload.bundle"));

    assertTrue(e.getMessage().startsWith("Model bundle 'upload.bundle'"), e.getMessage());
  }

  @Test
  void theSameNetworkWithOtherMetadataIsTheSameNetworkAndAnotherNetworkIsNot() throws Exception {
    byte[] old = Files.readAllBytes(zip("old.bundle",
        Map.of("metadata.json", "{\"version\":\"v1\"}", "coefficients.bin", "weights", "normalizer.bin", "n")));
    byte[] repacked = Files.readAllBytes(zip("new.bundle",
        Map.of("metadata.json", "{\"version\":\"v1\",\"bins\":[1]}", "coefficients.bin", "weights",
            "normalizer.bin", "n")));
    byte[] retrained = Files.readAllBytes(zip("other.bundle",
        Map.of("metadata.json", "{\"version\":\"v1\"}", "coefficients.bin", "weightz", "normalizer.bin", "n")));
    byte[] fewer = Files.readAllBytes(zip("fewer.bundle",
        Map.of("metadata.json", "{\"version\":\"v1\"}", "coefficients.bin", "weights")));

    assertTrue(ModelBundleFiles.sameNetwork(old, repacked));
    assertFalse(ModelBundleFiles.sameNetwork(old, retrained));
    assertFalse(ModelBundleFiles.sameNetwork(old, fewer));
  }

  private Path zip(String name, Map<String, String> entries) throws Exception {
    Path file = dir.resolve(name);
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of("create", "true"))) {
      for (var entry : entries.entrySet()) {
        Files.writeString(zip.getPath(entry.getKey()), entry.getValue());
      }
    }
    return file;
  }
}
