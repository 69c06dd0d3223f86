package dev.predictionservice.predictionlog.entity;

import java.time.Instant;

/**
 * One scored instance. {@code (logId, itemIndex)} is unique: {@code logId} is made by the server for each scoring
 * call, so a replayed record is recognised as a duplicate even when callers reuse their X-Request-ID.
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
    long latencyMicros) {}
