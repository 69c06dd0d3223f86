/**
 * The {@code /predict} requests and responses with their validation rules, and what the scoring use case gives back:
 * scored rows, refused rows (RowError), per-version statistics.
 */
package dev.predictionservice.predictions.entity;
