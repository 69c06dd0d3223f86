package dev.predictionservice.platform.database;

import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database every component shares. Its schema is migrated (Flyway, db/migration) before anyone gets the data
 * source, so the server never reports started with an old schema. A database that is not reachable yet (a
 * PostgreSQL pod starting beside this one) is waited for up to {@code db.startup.wait-seconds}.
 */
@ApplicationScoped
public class Database {

  static final String KIND = "db.kind";
  static final String WAIT = "db.startup.wait-seconds";
  private static final Logger LOG = RequestLogContext.logger(Database.class);

  @Resource(lookup = "jdbc/predictions")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = KIND, defaultValue = "h2")
  String kind;

  @Inject
  @ConfigProperty(name = WAIT, defaultValue = "60")
  int waitSeconds;

  private boolean migrated;

  /** Migrates first of all (priority 1), so that the model registry and the log find their tables. */
  void onStart(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object event) {
    migrate();
  }

  synchronized void migrate() {
    if (migrated) {
      return;
    }
    if (!kind.equals("h2") && !kind.equals("postgresql")) {
      throw new IllegalArgumentException(
          "Invalid configuration: " + KIND + "=" + kind + " must be h2 or postgresql (environment variable DB_KIND)");
    }
    ConfigValues.requireInRange(WAIT, waitSeconds, 0, 3600);
    long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (true) {
      try {
        MigrateResult result = flyway().migrate();
        LOG.info(() -> "Database (" + kind + ") schema at version " + result.targetSchemaVersion + ", "
            + result.migrationsExecuted + " migration(s) applied now");
        migrated = true;
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !unreachable()) {
          throw new IllegalStateException("Database (" + kind + ") migration failed: " + e.getMessage(), e);
        }
        LOG.log(Level.WARNING, "Database not reachable yet, retrying in 2 s: {0}", e.getMessage());
        sleep(2000);
      }
    }
  }

  /**
   * Flyway reads the migrations through IndexedMigrations. Its constructor also always looks for callbacks in
   * db/callback and logs one harmless ERROR ("Unable to resolve location classpath:db/callback") at start, since
   * Liberty's class loader cannot list folders; there are no callbacks.
   */
  private Flyway flyway() {
    return Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:" + IndexedMigrations.FOLDER)
        .callbackLocations(new String[0])
        .resourceProvider(new IndexedMigrations(Database.class.getClassLoader(), kind))
        .javaMigrationClassProvider(List::of)
        .load();
  }

  private boolean unreachable() {
    try (Connection connection = dataSource.getConnection()) {
      return !connection.isValid(2);
    } catch (SQLException e) {
      return true;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the database", e);
    }
  }

  /** The migrated data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** {@code h2} or {@code postgresql}. */
  public String kind() {
    return kind;
  }

  /** Whether the database answers now (for health and status; never throws). */
  public boolean isReachable() {
    return !unreachable();
  }
}
