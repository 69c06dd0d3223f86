/**
 * The prediction REST endpoints: {@code /predict} with problem+json errors, and the Open Inference Protocol
 * (KServe V2) under {@code /v2} with its own error form.
 */
package dev.predictionservice.predictions.boundary;
