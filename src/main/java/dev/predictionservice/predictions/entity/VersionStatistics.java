package dev.predictionservice.predictions.entity;

/**
 * What one model version has done on this server since it started, read from the same counters {@code /metrics}
 * exports: requests that succeeded or failed (count and total time), instances scored, and where the time of the
 * successful ones went (encoding the input, the model, handing the output to the log). Times in nanoseconds.
 *
 * @param lastInferenceMillis when the last successful request was scored (epoch milliseconds), 0 if never
 */
public record VersionStatistics(
    String version,
    long lastInferenceMillis,
    long inferenceCount,
    long successCount,
    long successNanos,
    long failCount,
    long failNanos,
    long inputNanos,
    long inferNanos,
    long outputNanos) {}
