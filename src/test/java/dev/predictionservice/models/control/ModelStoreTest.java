package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.models.entity.ModelVersion;
import dev.predictionservice.platform.database.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loaded flag's SQL on the embedded database (the PostgreSQL IT run covers the other): activation moves the flags
 * in one statement, reading each row's old active flag; deleting a loaded version takes its flag with it.
 */
class ModelStoreTest {

  private final ModelStore store = new ModelStore();

  @BeforeEach
  void createTable() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:store-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    store.database = new Database() {
      @Override
      public DataSource dataSource() {
        return h2;
      }
    };
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      for (String migration : new String[] {"V1__model_registry.sql", "V3__model_version_loaded.sql"}) {
        s.execute(Files.readString(Path.of("src/main/resources/db/migration", migration)));
      }
    }
    for (String version : new String[] {"a", "b", "c"}) {
      store.insert(new ModelVersion(version, Instant.EPOCH, Instant.now(), "-", 1, false), "{}", new byte[] {1});
    }
    store.activate("a");
  }

  @Test
  void aRepackedBundleReplacesTheStoredBytesAndMetadataOfItsVersionOnly() throws Exception {
    assertTrue(store.replaceBundle("b", "new-sum", "{\"bins\":true}", new byte[] {2, 3}));

    assertEquals("new-sum", store.find("b").orElseThrow().checksum());
    assertEquals(2, store.find("b").orElseThrow().sizeBytes());
    assertEquals("{\"bins\":true}", store.metadata("b").orElseThrow());
    assertEquals("-", store.find("a").orElseThrow().checksum());
    assertFalse(store.replaceBundle("z", "s", "{}", new byte[] {1}));
  }

  @Test
  void activationKeepsThePreviousVersionLoadedOnlyWhenAsked() throws Exception {
    assertTrue(store.markLoaded("b", true));
    assertFalse(store.markLoaded("a", true), "the active one has no loaded flag");

    assertTrue(store.activate("b", true));
    assertEquals(Optional.of("b"), store.activeVersion());
    assertEquals(Set.of("a"), store.loadedVersions(), "b moved to active, a kept");

    assertTrue(store.activate("c", false));
    assertEquals(Set.of("a"), store.loadedVersions(), "b dropped, a still loaded");
    assertFalse(store.activate("zzz", true));
    assertEquals(Optional.of("c"), store.activeVersion());
  }

  @Test
  void aLoadedVersionIsDeletedWithItsFlagButTheActiveOneIsNot() throws Exception {
    store.markLoaded("b", true);
    assertTrue(store.deleteInactive("b"));
    assertEquals(Set.of(), store.loadedVersions());
    assertFalse(store.deleteInactive("a"));
    assertEquals(2, store.list().size());
  }
}
