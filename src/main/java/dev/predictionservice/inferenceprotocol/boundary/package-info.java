/**
 * The Open Inference Protocol (KServe V2) REST endpoints: server and model metadata, health, inference, and the
 * model-repository (admin) and statistics extensions. Thin: they delegate to the control classes and answer errors
 * in the protocol's {@code {"error": ...}} shape (InferenceErrorShape).
 */
package dev.predictionservice.inferenceprotocol.boundary;
