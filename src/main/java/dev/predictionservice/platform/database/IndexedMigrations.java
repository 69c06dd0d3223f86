package dev.predictionservice.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The migrations named in a folder's {@code index.txt} ({@code db/migration}: the database; {@code db/prediction-log}:
 * the embedded default's separate prediction-log store). Flyway cannot list a folder of a WAR through Liberty's
 * class loader (it asks for a WebSphere-only marker file and still finds nothing), so the folder carries its own
 * index; a unit test fails the build when a migration file is missing from it. A line {@code KIND/file.sql} is a
 * migration for one kind of database only ({@code h2/...} or {@code postgresql/...}); give it a version between the
 * common ones (V2.1) so that a later common migration never takes its number.
 */
final class IndexedMigrations implements ResourceProvider {

  static final String FOLDER = "db/migration";
  static final String LOG_FOLDER = "db/prediction-log";

  private final ClassLoader classLoader;
  private final String folder;
  private final String kind;
  private final Location location;

  /**
   * @param folder {@link #FOLDER} or {@link #LOG_FOLDER}
   * @param kind the database kind ({@code h2}, {@code postgresql}): its own migrations are included
   */
  IndexedMigrations(ClassLoader classLoader, String folder, String kind) {
    this.classLoader = classLoader;
    this.folder = folder;
    this.kind = kind;
    this.location = new Location("classpath:" + folder);
  }

  static List<String> names(ClassLoader classLoader, String folder) {
    String index = folder + "/index.txt";
    InputStream in = classLoader.getResourceAsStream(index);
    if (in == null) {
      throw new IllegalStateException(index + " is missing from the class path");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The migrations of this kind of database: the common ones and its own. */
  List<String> namesForKind() {
    return names(classLoader, folder).stream()
        .filter(line -> !line.contains("/") || line.startsWith(kind + "/"))
        .toList();
  }

  @Override
  public LoadableResource getResource(String name) {
    String file = name.startsWith(folder + "/") ? name.substring(folder.length() + 1) : name;
    return namesForKind().contains(file) ? resource(file) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return namesForKind().stream()
        .filter(file -> fileName(file).startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith))
        .map(this::resource)
        .toList();
  }

  private static String fileName(String line) {
    return line.substring(line.lastIndexOf('/') + 1);
  }

  private LoadableResource resource(String file) {
    return new ClassPathResource(location, folder + "/" + file, classLoader, StandardCharsets.UTF_8);
  }
}
