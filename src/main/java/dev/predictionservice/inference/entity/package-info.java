/**
 * Scoring engines as plain objects: the Java engine for dense networks ({@link
 * dev.predictionservice.inference.entity.DenseNetwork}), its layers and activations, and DL4J's own forward pass
 * ({@link dev.predictionservice.inference.entity.Dl4jNetwork}), the reference it is checked against.
 */
package dev.predictionservice.inference.entity;
