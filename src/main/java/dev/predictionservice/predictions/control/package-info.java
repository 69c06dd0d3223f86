/**
 * The scoring use case (Predictor) for every entry point: picks the model version, encodes, scores, records metrics
 * and statistics, logs; each entry point words its refusals through InputErrors.
 */
package dev.predictionservice.predictions.control;
