package dev.predictionservice.predictionlog.entity;

import java.time.Instant;

/**
 * One scored instance. {@code (logId, itemIndex)} is unique: {@code logId} is made by the server for each scoring
 * call, so a replayed record is recognised as a duplicate even when callers reuse their X-Request-ID. {@code shadow}
 * marks a row scored in the background by the shadow version, whose answer never reached the caller; spool lines
 * written before the flag existed have no such field and read as {@code false} (a missing primitive is its default).
 */
public record PredictionRecord(
    String logId,
    int itemIndex,
    String requestId,
    Instant loggedAt,
    String modelVersion,
    String endpoint,
    int age,
    double income,
    String category,
    double prediction,
    long latencyMicros,
    boolean shadow) {}
