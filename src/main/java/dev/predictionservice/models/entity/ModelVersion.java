package dev.predictionservice.models.entity;

import java.time.Instant;

/** One registered model version as the registry table holds it (without the bundle bytes). */
public record ModelVersion(
    String version, Instant created, Instant registered, String checksum, long sizeBytes, boolean active) {}
