package dev.predictionservice.models.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model version as the admin API shows it (timestamps as ISO-8601 text). */
@Schema(
    description = "A registered model version.",
    example = "{\"version\":\"m-3f9a1c2b7d4e\",\"created\":\"2026-11-26T10:00:00Z\","
        + "\"registered\":\"2026-11-26T10:05:00Z\",\"checksum\":\"9c1e...\",\"sizeBytes\":5368,\"active\":true}")
public record ModelVersionSummary(
    String version, String created, String registered, String checksum, long sizeBytes, boolean active) {

  public static ModelVersionSummary of(ModelVersion v) {
    return new ModelVersionSummary(v.version(), String.valueOf(v.created()), String.valueOf(v.registered()),
        v.checksum(), v.sizeBytes(), v.active());
  }
}
