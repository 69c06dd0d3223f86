package dev.predictionservice.models.control;

import dev.predictionservice.models.entity.ModelVersion;
import dev.predictionservice.platform.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The model_version table: plain JDBC, one short statement (or transaction) per call. */
@ApplicationScoped
public class ModelStore {

  private static final String COLUMNS = "version, created, registered, checksum, OCTET_LENGTH(bundle), active";

  @Inject Database database;

  public void insert(ModelVersion version, String metadataJson, byte[] bundle) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO model_version"
            + " (version, created, registered, checksum, metadata, bundle, active) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
      ps.setString(1, version.version());
      ps.setTimestamp(2, Timestamp.from(version.created()));
      ps.setTimestamp(3, Timestamp.from(version.registered()));
      ps.setString(4, version.checksum());
      ps.setString(5, metadataJson);
      ps.setBytes(6, bundle);
      ps.executeUpdate();
    }
  }

  /** Replaces a version's bundle and metadata (the same network re-packed with newer metadata); false if unknown. */
  public boolean replaceBundle(String version, String checksum, String metadataJson, byte[] bundle)
      throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE model_version SET checksum = ?, metadata = ?, bundle = ? WHERE version = ?")) {
      ps.setString(1, checksum);
      ps.setString(2, metadataJson);
      ps.setBytes(3, bundle);
      ps.setString(4, version);
      return ps.executeUpdate() == 1;
    }
  }

  public List<ModelVersion> list() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM model_version ORDER BY registered");
        ResultSet rs = ps.executeQuery()) {
      List<ModelVersion> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(row(rs));
      }
      return versions;
    }
  }

  public Optional<ModelVersion> find(String version) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM model_version WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  /** The metadata JSON of a version, or empty. */
  public Optional<String> metadata(String version) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT metadata FROM model_version WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The bundle bytes of a version, or empty. */
  public Optional<byte[]> bundle(String version) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT bundle FROM model_version WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    }
  }

  /** The version flagged active, if any. Cheap: the replicas poll it. */
  public Optional<String> activeVersion() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT version FROM model_version WHERE active");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** Flags exactly this version active in one statement, so no reader ever sees two or none. */
  public boolean activate(String version) throws SQLException {
    return activate(version, false);
  }

  /**
   * Flags exactly this version active and clears its loaded flag, in one statement, so no reader ever sees two active
   * versions or none. {@code keepPrevious} flags the version active until now as loaded; the right-hand sides of an
   * UPDATE see the row as it was (PostgreSQL and H2 alike), so {@code active} there is the old flag.
   */
  public boolean activate(String version, boolean keepPrevious) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE model_version SET active = (version = ?), loaded = (version <> ? AND (loaded OR (active AND ?)))"
                + " WHERE EXISTS (SELECT 1 FROM model_version m WHERE m.version = ?)")) {
      ps.setString(1, version);
      ps.setString(2, version);
      ps.setBoolean(3, keepPrevious);
      ps.setString(4, version);
      return ps.executeUpdate() > 0;
    }
  }

  /** The versions flagged loaded beside the active one. Cheap: the replicas poll it. */
  public Set<String> loadedVersions() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT version FROM model_version WHERE loaded AND NOT active");
        ResultSet rs = ps.executeQuery()) {
      Set<String> versions = new TreeSet<>();
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
      return versions;
    }
  }

  /** Sets or clears the loaded flag of an inactive version; false when it is unknown or active. */
  public boolean markLoaded(String version, boolean loaded) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE model_version SET loaded = ? WHERE version = ? AND NOT active")) {
      ps.setBoolean(1, loaded);
      ps.setString(2, version);
      return ps.executeUpdate() > 0;
    }
  }

  /** Deletes an inactive version, loaded or not; false when it is unknown or active. */
  public boolean deleteInactive(String version) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM model_version WHERE version = ? AND NOT active")) {
      ps.setString(1, version);
      return ps.executeUpdate() > 0;
    }
  }

  private static ModelVersion row(ResultSet rs) throws SQLException {
    return new ModelVersion(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
        rs.getString(4), rs.getLong(5), rs.getBoolean(6));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
