/**
 * Watching models in production: drift of live traffic against a bundle's training statistics, shadow scoring of a
 * second version, and the canary split of traffic between the active version and a candidate. Called by the scoring
 * use case (predictions); imports models and predictionlog, never predictions.
 */
package dev.predictionservice.monitoring.control;
