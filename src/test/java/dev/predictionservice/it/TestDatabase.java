package dev.predictionservice.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Reads the server's prediction log from the test JVM: the embedded default's SQLite file (its WAL lets a second
 * process read while the server writes), or the PostgreSQL named by DB_KIND=postgresql and DB_HOST, DB_PORT, DB_NAME,
 * DB_USER, DB_PASSWORD, over TLS as DB_SSLMODE and DB_SSLROOTCERT say.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static boolean isPostgresql() {
    return "postgresql".equals(System.getenv("DB_KIND"));
  }

  /** The prediction log's store. */
  public static Connection connectLog() throws SQLException {
    if (!isPostgresql()) {
      return DriverManager.getConnection("jdbc:sqlite:" + System.getProperty("it.db.log.path"));
    }
    String url = "jdbc:postgresql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "5432") + "/"
        + env("DB_NAME", "predictions");
    Properties props = new Properties();
    props.setProperty("user", env("DB_USER", "predictions"));
    props.setProperty("password", env("DB_PASSWORD", ""));
    // The same TLS settings as the server's (DB_SSLMODE, DB_SSLROOTCERT): CI's database refuses the role without TLS.
    props.setProperty("sslmode", env("DB_SSLMODE", "prefer"));
    if (System.getenv("DB_SSLROOTCERT") != null) {
      props.setProperty("sslrootcert", System.getenv("DB_SSLROOTCERT"));
    }
    return DriverManager.getConnection(url, props);
  }

  /** The single long that a query of the prediction log returns. */
  public static long queryLogLong(String sql, Object... params) throws SQLException {
    try (Connection c = connectLog()) {
      return queryLong(c, sql, params);
    }
  }

  private static long queryLong(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
