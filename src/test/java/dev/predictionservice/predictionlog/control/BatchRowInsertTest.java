package dev.predictionservice.predictionlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.predictionservice.predictionlog.entity.PredictionRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's log layout on a real SQLite file migrated by the shipped migrations: a batch written as one
 * row reads back through the view prediction_log as one row per record, every column as written.
 */
class BatchRowInsertTest {

  private static final Instant AT = Instant.parse("2026-12-06T15:30:00.123Z");

  @TempDir Path dir;

  @Test
  void theViewGivesBackEveryRecordOfABatchColumnByColumn() throws Exception {
    List<PredictionRecord> batch = List.of(
        new PredictionRecord("0193a1b2-0000-7000-8000-000000000001", 0, "caller-id.1:a", AT, "m-67bbd5326a4f",
            "single", 35, 50000.0, "A", 0.8500000238418579, 412, false),
        new PredictionRecord("0193a1b2-0000-7000-8000-000000000002", 1, "0193a1b2-0000-7000-8000-0000000000ff",
            AT.plusMillis(7), "m-2", "v2", 0, 1.0E9, "quote \" back \\ tab \t é", 0.0, 0, true));
    String url = migratedStore(null);
    try (Connection c = DriverManager.getConnection(url)) {
      write(c, batch);
      assertEquals(batch, readAll(c));
    }
  }

  @Test
  void aBatchSentAgainAddsNothing() throws Exception {
    List<PredictionRecord> batch = records("0193a1b2-0000-7000-8000-00000000000a", 3);
    String url = migratedStore(null);
    try (Connection c = DriverManager.getConnection(url)) {
      write(c, batch);
      write(c, batch); // the writer's retry, or a spool file replayed after a crash
      assertEquals(batch, readAll(c));
    }
  }

  @Test
  void rowsWrittenBeforeTheBatchLayoutStayInTheView() throws Exception {
    List<PredictionRecord> before = records("0193a1b2-0000-7000-8000-00000000000b", 2);
    String url = migratedStore("1");
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      JdbcPredictionSink.insertRows(c, before); // the per-row layout of V1
      c.commit();
    }
    migrate(url, null);
    List<PredictionRecord> after = records("0193a1b2-0000-7000-8000-00000000000c", 2);
    try (Connection c = DriverManager.getConnection(url)) {
      write(c, after);
      List<PredictionRecord> all = new ArrayList<>(before);
      all.addAll(after);
      assertEquals(all, readAll(c));
    }
  }

  private static List<PredictionRecord> records(String logId, int count) {
    List<PredictionRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(new PredictionRecord(logId, i, "request-" + logId, AT, "m-1", "batch", 20 + i, 1000.5 * i, "B",
          0.25 + i, 99, false));
    }
    return records;
  }

  private static void write(Connection c, List<PredictionRecord> batch) throws SQLException {
    c.setAutoCommit(false);
    BatchRowInsert.insert(c, batch);
    c.commit();
  }

  private static List<PredictionRecord> readAll(Connection c) throws SQLException {
    List<PredictionRecord> rows = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement("SELECT log_id, item_index, request_id, logged_at, model_version,"
        + " endpoint, age, income, category, prediction, latency_micros, shadow FROM prediction_log"
        + " ORDER BY log_id, item_index");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        rows.add(new PredictionRecord(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getDouble(8), rs.getString(9), rs.getDouble(10),
            rs.getLong(11), rs.getBoolean(12)));
      }
    }
    return rows;
  }

  /** A SQLite file migrated by db/prediction-log up to {@code target} (null: all). */
  private String migratedStore(String target) {
    String url = "jdbc:sqlite:" + dir.resolve("prediction-log.db");
    migrate(url, target);
    return url;
  }

  private static void migrate(String url, String target) {
    var config = Flyway.configure().dataSource(url, null, null)
        .locations("filesystem:src/main/resources/db/prediction-log");
    if (target != null) {
      config.target(target);
    }
    config.load().migrate();
  }
}
