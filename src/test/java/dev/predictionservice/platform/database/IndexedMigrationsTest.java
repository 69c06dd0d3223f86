package dev.predictionservice.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The migration index lists exactly the migration files, in version order. */
class IndexedMigrationsTest {

  private final ClassLoader loader = IndexedMigrationsTest.class.getClassLoader();

  @Test
  void indexListsEveryMigrationFile() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      var onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
      assertEquals(onDisk, IndexedMigrations.names(loader), "db/migration/index.txt must list every migration");
    }
  }

  @Test
  void providesResourcesByPrefixAndSuffix() {
    IndexedMigrations migrations = new IndexedMigrations(loader);
    assertEquals(2, migrations.getResources("V", new String[] {".sql"}).size());
    assertEquals(0, migrations.getResources("R", new String[] {".sql"}).size());
    assertNotNull(migrations.getResource("db/migration/V1__model_registry.sql"));
    assertNull(migrations.getResource("V9__nothing.sql"));
  }
}
