package dev.predictionservice.predictionlog.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.predictionservice.predictionlog.entity.PredictionRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The embedded default's layout (db/prediction-log V2): a batch is one row of {@code prediction_log_batch}, its records
 * a JSON array of arrays whose positions are the columns of the view {@code prediction_log}. One bind and one B-tree
 * step per batch instead of twelve binds and a step per record: SQLite's per-row insert was half of the log's cost
 * on the writer thread (bench/README.md, "The embedded prediction log, one row per batch"). Values are stored as
 * the per-row layout stored them: the time in epoch milliseconds (sqlite-jdbc's setTimestamp), shadow as 0 or 1.
 */
final class BatchRowInsert {

  static final String INSERT = "INSERT INTO prediction_log_batch (first_log_id, first_item_index, records)"
      + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final JsonFactory JSON = new JsonFactory();
  private static final int BYTES_PER_RECORD = 160;

  private BatchRowInsert() {}

  /** Inserts {@code batch} (not empty) as one row, in the caller's transaction. */
  static void insert(Connection connection, List<PredictionRecord> batch) throws SQLException {
    PredictionRecord first = batch.get(0);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, first.logId());
      insert.setInt(2, first.itemIndex());
      insert.setString(3, records(batch));
      insert.executeUpdate();
    }
  }

  /** The records as the view reads them; the order of the values is the view's column order. */
  static String records(List<PredictionRecord> batch) {
    StringWriter text = new StringWriter(batch.size() * BYTES_PER_RECORD);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartArray();
      for (PredictionRecord r : batch) {
        json.writeStartArray();
        json.writeString(r.logId());
        json.writeNumber(r.itemIndex());
        json.writeString(r.requestId());
        json.writeNumber(r.loggedAt().toEpochMilli());
        json.writeString(r.modelVersion());
        json.writeString(r.endpoint());
        json.writeNumber(r.age());
        json.writeNumber(r.income());
        json.writeString(r.category());
        json.writeNumber(r.prediction());
        json.writeNumber(r.latencyMicros());
        json.writeNumber(r.shadow() ? 1 : 0);
        json.writeEndArray();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }
}
