package dev.predictionservice.platform.database;

import dev.predictionservice.platform.ConfigValues;
import dev.predictionservice.platform.RequestLogContext;
import dev.predictionservice.platform.StartOrder;
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
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database every component shares. Its schema is migrated (Flyway, db/migration) before anyone gets the data
 * source, so the server never reports started with an old schema. A database that is not reachable yet (a
 * PostgreSQL pod starting beside this one) is waited for up to {@code db.startup.wait-seconds}.
 *
 * <p>The embedded default also binds {@code jdbc/predictionLog}, a SQLite file for the prediction log alone
 * (liberty/config/datasource-h2.xml: H2's heap pages cost the log's writer ~7 KB per row); it is migrated from
 * db/prediction-log. Without that binding (PostgreSQL) the log is written to the shared database.
 */
@ApplicationScoped
public class Database {

  static final String KIND = "db.kind";
  static final String WAIT = "db.startup.wait-seconds";
  static final String LOG_STORE = "jdbc/predictionLog";
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
  private DataSource logDataSource;

  /** Migrates first of all (priority 1), so that the model registry and the log find their tables. */
  void onStart(@Observes @Priority(StartOrder.DATABASE) @Initialized(ApplicationScoped.class) Object event) {
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
    // The first connection opens the embedded H2 database, whose threads (its writer, its executors, its exit hook)
    // keep the context class loader of the thread that opened it for the server's life, and through it this
    // deployment's classes after every redeploy (bench/README.md): they get the JDK's platform loader instead.
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      migrateShared();
    } finally {
      thread.setContextClassLoader(context);
    }
    logDataSource = migratedLogStore();
    migrated = true;
  }

  private void migrateShared() {
    long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (true) {
      try {
        MigrateResult result = flyway(dataSource, IndexedMigrations.FOLDER, kind).migrate();
        LOG.info(() -> "Database (" + kind + ") schema at version " + result.targetSchemaVersion + ", "
            + result.migrationsExecuted + " migration(s) applied now");
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
   * The prediction log's own store (a SQLite file: its migrations are SQLite's), migrated, or the shared database when
   * the server binds none. Migrated after the shared database: H2 creates the data folder the SQLite file lives in.
   */
  private DataSource migratedLogStore() {
    DataSource store;
    try {
      store = (DataSource) new InitialContext().lookup(LOG_STORE);
    } catch (NameNotFoundException e) {
      return dataSource;
    } catch (NamingException e) {
      throw new IllegalStateException("The prediction log's data source " + LOG_STORE + " is not usable: " + e, e);
    }
    MigrateResult result;
    try {
      result = flyway(store, IndexedMigrations.LOG_FOLDER, "sqlite").migrate();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Prediction log store (" + LOG_STORE + ", SQLite) migration failed: "
          + e.getMessage(), e);
    }
    LOG.info(() -> "Prediction log store (" + LOG_STORE + ") schema at version " + result.targetSchemaVersion + ", "
        + result.migrationsExecuted + " migration(s) applied now");
    return store;
  }

  /**
   * Flyway reads the migrations through IndexedMigrations. Its constructor also always looks for callbacks in
   * db/callback, which Liberty's class loader cannot list; there are no callbacks, and FlywayLogCreator writes
   * Flyway's complaint about it at debug level.
   */
  private static Flyway flyway(DataSource target, String folder, String targetKind) {
    // Before any Flyway class asks for a logger (see FlywayLogCreator); the configuration then names it again.
    LogFactory.setLogCreator(new FlywayLogCreator());
    return Flyway.configure(Database.class.getClassLoader())
        .loggers(FlywayLogCreator.class.getName())
        .dataSource(target)
        .locations("classpath:" + folder)
        .callbackLocations(new String[0])
        .resourceProvider(new IndexedMigrations(Database.class.getClassLoader(), folder, targetKind))
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

  /** Where the prediction log is written: its own store if the server binds one, else the shared database. */
  public DataSource logDataSource() {
    return logDataSource == null ? dataSource : logDataSource;
  }

  /** Whether the prediction log has its own store (the embedded default's SQLite file), not the shared database. */
  public boolean hasOwnLogStore() {
    return logDataSource != null && logDataSource != dataSource;
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
