/**
 * Prediction requests and responses with their validation rules: the {@code /predict} form and the tensors, metadata
 * and errors of the Open Inference Protocol ({@code /v2}).
 */
package dev.predictionservice.predictions.entity;
