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
    Path folder = Path.of("src/main/resources/db/migration");
    try (Stream<Path> files = Files.walk(folder)) {
      var onDisk = files.filter(p -> p.toString().endsWith(".sql"))
          .map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertEquals(onDisk, IndexedMigrations.names(loader).stream().sorted().toList(),
          "db/migration/index.txt must list every migration");
    }
  }

  @Test
  void providesResourcesByPrefixAndSuffix() {
    IndexedMigrations migrations = new IndexedMigrations(loader, "postgresql");
    assertEquals(4, migrations.getResources("V", new String[] {".sql"}).size()); // V1, V2, V3, V4
    assertEquals(0, migrations.getResources("R", new String[] {".sql"}).size());
    assertNotNull(migrations.getResource("db/migration/V1__model_registry.sql"));
    assertNull(migrations.getResource("V9__nothing.sql"));
  }

  @Test
  void aKindGetsTheCommonMigrationsAndItsOwn() {
    String h2Only = "h2/V2.1__prediction_log_without_lookup_indexes.sql";
    var h2 = new IndexedMigrations(loader, "h2").getResources("V", new String[] {".sql"});
    assertEquals(5, h2.size()); // the four common ones and V2.1
    assertEquals("V2.1__prediction_log_without_lookup_indexes.sql", h2.stream().toList().get(2).getFilename());
    assertNotNull(new IndexedMigrations(loader, "h2").getResource(h2Only));
    assertNull(new IndexedMigrations(loader, "postgresql").getResource(h2Only));
  }
}
