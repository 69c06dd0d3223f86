/**
 * The prediction REST endpoints, {@code /predict} and {@code /predict/batch} (also under {@code /api/v1/predictions}),
 * with problem+json errors, and the benchmark's no-op endpoint.
 */
package dev.predictionservice.predictions.boundary;
