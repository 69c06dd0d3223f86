package dev.predictionservice.predictionlog.control;

import dev.predictionservice.platform.database.Database;
import dev.predictionservice.predictionlog.entity.PredictionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Writes a batch in one transaction to the log's store (Database#logDataSource): to the shared PostgreSQL one row per
 * record in one JDBC batch; to the embedded default's own SQLite file as one row (BatchRowInsert). Idempotent:
 * ON CONFLICT DO NOTHING on the primary key, (log_id, item_index) of the record or of the batch's first record, makes a
 * re-sent record or batch a no-op. A short retry rides out a blip; the circuit breaker then fails fast while the
 * database is away, so the writer spools at once instead of waiting on every batch. Tunable through MP Fault
 * Tolerance keys (JdbcPredictionSink/write/Retry/maxRetries...).
 */
@ApplicationScoped
public class JdbcPredictionSink implements PredictionSink {

  static final String INSERT = "INSERT INTO prediction_log (log_id, item_index, request_id, logged_at, model_version,"
      + " endpoint, age, income, category, prediction, latency_micros, shadow)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT DO NOTHING";

  @Inject Database database;

  @Override
  @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = CircuitBreakerOpenException.class)
  @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 3000, successThreshold = 1)
  public void write(List<PredictionRecord> batch) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    try (Connection connection = database.logDataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (database.hasOwnLogStore()) {
          BatchRowInsert.insert(connection, batch);
        } else {
          insertRows(connection, batch);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** A row per record: PostgreSQL's table, and the embedded default's before db/prediction-log V2. */
  static void insertRows(Connection connection, List<PredictionRecord> batch) throws SQLException {
    // The JVM's time zone, as setTimestamp without a calendar uses, but one calendar per batch: a driver may otherwise
    // make a new Calendar for every row (SQLite's did: two thirds of the writer's allocation, bench/README.md).
    Calendar jvmTimeZone = Calendar.getInstance();
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (PredictionRecord r : batch) {
        insert.setString(1, r.logId());
        insert.setInt(2, r.itemIndex());
        insert.setString(3, r.requestId());
        insert.setTimestamp(4, Timestamp.from(r.loggedAt()), jvmTimeZone);
        insert.setString(5, r.modelVersion());
        insert.setString(6, r.endpoint());
        insert.setInt(7, r.age());
        insert.setDouble(8, r.income());
        insert.setString(9, r.category());
        insert.setDouble(10, r.prediction());
        insert.setLong(11, r.latencyMicros());
        insert.setBoolean(12, r.shadow());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
