package dev.predictionservice.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

/** The migration index lists exactly the migration files, in version order. */
class IndexedMigrationsTest {

  private final ClassLoader loader = IndexedMigrationsTest.class.getClassLoader();

  @Test
  void indexListsEveryMigrationFile() throws Exception {
    for (String name : new String[] {IndexedMigrations.FOLDER, IndexedMigrations.LOG_FOLDER}) {
      Path folder = Path.of("src/main/resources", name);
      try (Stream<Path> files = Files.walk(folder)) {
        var onDisk = files.filter(p -> p.toString().endsWith(".sql"))
            .map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted().toList();
        assertEquals(onDisk, IndexedMigrations.names(loader, name).stream().sorted().toList(),
            name + "/index.txt must list every migration");
      }
    }
  }

  @Test
  void theLogStoreHasItsOwnMigrations() {
    var sqlite = new IndexedMigrations(loader, IndexedMigrations.LOG_FOLDER, "sqlite")
        .getResources("V", new String[] {".sql"});
    assertEquals(List.of("V1__prediction_log.sql", "V2__prediction_log_in_batches.sql"),
        sqlite.stream().map(LoadableResource::getFilename).toList());
    assertNull(new IndexedMigrations(loader, IndexedMigrations.LOG_FOLDER, "sqlite")
        .getResource("db/migration/V1__model_registry.sql"));
  }

  @Test
  void providesResourcesByPrefixAndSuffix() {
    IndexedMigrations migrations = new IndexedMigrations(loader, IndexedMigrations.FOLDER, "postgresql");
    assertEquals(4, migrations.getResources("V", new String[] {".sql"}).size()); // V1, V2, V3, V4
    assertEquals(0, migrations.getResources("R", new String[] {".sql"}).size());
    assertNotNull(migrations.getResource("db/migration/V1__model_registry.sql"));
    assertNull(migrations.getResource("V9__nothing.sql"));
  }

  @Test
  void aKindGetsTheCommonMigrationsAndItsOwn() {
    String h2Only = "h2/V2.1__prediction_log_without_lookup_indexes.sql";
    var h2 = new IndexedMigrations(loader, IndexedMigrations.FOLDER, "h2").getResources("V", new String[] {".sql"});
    assertEquals(5, h2.size()); // the four common ones and V2.1
    assertEquals("V2.1__prediction_log_without_lookup_indexes.sql", h2.stream().toList().get(2).getFilename());
    assertNotNull(new IndexedMigrations(loader, IndexedMigrations.FOLDER, "h2").getResource(h2Only));
    assertNull(new IndexedMigrations(loader, IndexedMigrations.FOLDER, "postgresql").getResource(h2Only));
  }
}
