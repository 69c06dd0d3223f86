package dev.predictionservice.monitoring.control;

import dev.predictionservice.platform.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The model_rollout table (V4): at most one canary and one shadow row, each naming a version and its share. Plain
 * JDBC, one short statement or transaction per call; the replicas read it on every poll of the model table.
 */
@ApplicationScoped
public class RolloutStore {

  static final String CANARY = "canary";
  static final String SHADOW = "shadow";

  @Inject Database database;

  /** The settings by kind; a kind with no row is absent. Cheap: the replicas poll it. */
  Map<String, Rollout> read() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT kind, version, share FROM model_rollout");
        ResultSet rs = ps.executeQuery()) {
      Map<String, Rollout> rollouts = new HashMap<>();
      while (rs.next()) {
        rollouts.put(rs.getString(1), new Rollout(rs.getString(2), rs.getDouble(3)));
      }
      return rollouts;
    }
  }

  /** Sets the row of {@code kind} in one transaction (a delete and an insert: both databases run it alike). */
  void put(String kind, Rollout rollout) throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM model_rollout WHERE kind = ?");
          PreparedStatement insert =
              c.prepareStatement("INSERT INTO model_rollout (kind, version, share) VALUES (?, ?, ?)")) {
        delete.setString(1, kind);
        delete.executeUpdate();
        insert.setString(1, kind);
        insert.setString(2, rollout.version());
        insert.setDouble(3, rollout.share());
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Removes the row of {@code kind}; false when there was none. */
  boolean clear(String kind) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM model_rollout WHERE kind = ?")) {
      ps.setString(1, kind);
      return ps.executeUpdate() > 0;
    }
  }
}
