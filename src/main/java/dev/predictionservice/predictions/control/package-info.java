/** Turns validated requests into model calls, guarded by fault tolerance and measured by metrics. */
package dev.predictionservice.predictions.control;
