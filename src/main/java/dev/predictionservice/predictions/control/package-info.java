/**
 * Turns validated requests into model calls, guarded by fault tolerance and measured by metrics; reads the Open
 * Inference Protocol's tensors into the same requests.
 */
package dev.predictionservice.predictions.control;
