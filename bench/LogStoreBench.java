import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What one prediction-log row costs the writer thread in an embedded database: the server's H2 settings
 * (liberty/config/datasource-h2.xml) against SQLite with the settings of the embedded default's prediction log (WAL,
 * synchronous=NORMAL), in two layouts:
 * - a row per record (the table WITHOUT ROWID of db/prediction-log V1, as PostgreSQL's table): same columns, same key,
 *   same INSERT ... ON CONFLICT DO NOTHING in one JDBC batch and one transaction per batch (JdbcPredictionSink);
 * - a row per batch (V2, what the server writes since): the batch's records as one JSON array of arrays
 *   (BatchRowInsert), one INSERT and one transaction per batch; and again with the server's URL, which also turns off
 *   sqlite-jdbc's generated keys (its own SELECT last_insert_rowid() after every INSERT).
 * Prints microseconds and bytes allocated per record, stores alternating, the first quarter of each round untimed.
 * Not part of the build; the recipe is in bench/README.md ("The prediction log's store", "The embedded prediction
 * log, one row per batch").
 *
 *   java -cp H2_JAR:SQLITE_JAR bench/LogStoreBench.java [ROUNDS] [BATCHES] [RECORDS_PER_BATCH]
 */
public final class LogStoreBench {

  private static final String TABLE = "CREATE TABLE prediction_log (log_id VARCHAR(36) NOT NULL,"
      + " item_index INTEGER NOT NULL, request_id VARCHAR(128) NOT NULL, logged_at TIMESTAMP WITH TIME ZONE NOT NULL,"
      + " model_version VARCHAR(128) NOT NULL, endpoint VARCHAR(32) NOT NULL, age INTEGER NOT NULL,"
      + " income DOUBLE PRECISION NOT NULL, category VARCHAR(128) NOT NULL, prediction DOUBLE PRECISION NOT NULL,"
      + " latency_micros BIGINT NOT NULL, shadow BOOLEAN NOT NULL DEFAULT FALSE,"
      + " CONSTRAINT prediction_log_pk PRIMARY KEY (log_id, item_index))";
  /** The embedded default's SQLite table (src/main/resources/db/prediction-log/V1__prediction_log.sql). */
  private static final String SQLITE_TABLE = TABLE + " WITHOUT ROWID";
  private static final String INSERT = "INSERT INTO prediction_log (log_id, item_index, request_id, logged_at,"
      + " model_version, endpoint, age, income, category, prediction, latency_micros, shadow)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String BATCH_TABLE = "CREATE TABLE prediction_log_batch (first_log_id VARCHAR(36) NOT NULL,"
      + " first_item_index INTEGER NOT NULL, records TEXT NOT NULL,"
      + " CONSTRAINT prediction_log_batch_pk PRIMARY KEY (first_log_id, first_item_index)) WITHOUT ROWID";
  private static final String BATCH_INSERT = "INSERT INTO prediction_log_batch (first_log_id, first_item_index,"
      + " records) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static int batch = 500;
  private static long sequence;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int batches = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    Path dir = Files.createTempDirectory("log-store-bench");
    try {
      for (int round = 1; round <= rounds; round++) {
        run("H2 (server settings)", "jdbc:h2:file:" + dir.resolve("h2-" + round) + ";MODE=PostgreSQL;CACHE_SIZE=1024",
            TABLE, batches);
        run("SQLite, a row per record",
            "jdbc:sqlite:" + dir.resolve("sqlite-" + round + ".db") + "?journal_mode=WAL&synchronous=NORMAL",
            SQLITE_TABLE, batches);
        run("SQLite, a row per batch",
            "jdbc:sqlite:" + dir.resolve("sqlite-batch-" + round + ".db") + "?journal_mode=WAL&synchronous=NORMAL",
            BATCH_TABLE, batches);
        run("SQLite, a row per batch, no generated keys (the server's URL)",
            "jdbc:sqlite:" + dir.resolve("sqlite-nokeys-" + round + ".db")
                + "?journal_mode=WAL&synchronous=NORMAL&jdbc.get_generated_keys=false",
            BATCH_TABLE, batches);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void run(String label, String url, String table, int batches) throws SQLException {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(table);
      }
      connection.setAutoCommit(false);
      long rows = 0;
      long startNanos = 0;
      long startBytes = 0;
      boolean batchRows = table.equals(BATCH_TABLE);
      try (PreparedStatement insert = connection.prepareStatement(batchRows ? BATCH_INSERT : INSERT)) {
        for (int b = 0; b < batches; b++) {
          if (b == batches / 4) {
            startNanos = System.nanoTime();
            startBytes = threads.getCurrentThreadAllocatedBytes();
            rows = 0;
          }
          if (batchRows) {
            insertOneRow(insert);
          } else {
            insertRows(insert);
          }
          connection.commit();
          rows += batch;
        }
      }
      long nanos = System.nanoTime() - startNanos;
      long bytes = threads.getCurrentThreadAllocatedBytes() - startBytes;
      System.out.printf("%-24s %7.2f us/row %7d bytes/row%n", label, nanos / 1000.0 / rows, bytes / rows);
    }
  }

  private static void insertRows(PreparedStatement insert) throws SQLException {
    for (int i = 0; i < batch; i++) {
      String id = nextId();
      insert.setString(1, id);
      insert.setInt(2, 0);
      insert.setString(3, id);
      insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
      insert.setString(5, "m-bench");
      insert.setString(6, "predict");
      insert.setInt(7, 35);
      insert.setDouble(8, 50000.0);
      insert.setString(9, "A");
      insert.setDouble(10, 0.5);
      insert.setLong(11, 120);
      insert.setBoolean(12, false);
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /** The same records as one JSON array of arrays, in the order of the view's columns (BatchRowInsert). */
  private static void insertOneRow(PreparedStatement insert) throws SQLException {
    StringBuilder records = new StringBuilder(batch * 160).append('[');
    String first = null;
    for (int i = 0; i < batch; i++) {
      String id = nextId();
      first = first == null ? id : first;
      records.append(i == 0 ? "[\"" : ",[\"").append(id).append("\",0,\"").append(id).append("\",")
          .append(System.currentTimeMillis()).append(",\"m-bench\",\"predict\",35,").append(50000.0)
          .append(",\"A\",").append(0.5).append(",120,0]");
    }
    insert.setString(1, first);
    insert.setInt(2, 0);
    insert.setString(3, records.append(']').toString());
    insert.executeUpdate();
  }

  /** Time-ordered ids as the server makes them (UUID version 7 layout), so every store appends. */
  private static String nextId() {
    ++sequence;
    return new UUID(0x018c000000007000L + (sequence << 16), 0x8000000000000000L | sequence).toString();
  }
}
