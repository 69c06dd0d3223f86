package dev.predictionservice.predictions.entity;

/**
 * What one scoring call gives back: one float32 probability per instance, in order, and the version that computed
 * them all. The array is the engine's own result, handed over without a copy; callers only read it.
 */
public record ScoredRows(float[] scores, String modelVersion) {}
