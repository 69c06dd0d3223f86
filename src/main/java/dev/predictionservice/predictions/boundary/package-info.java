/** The prediction REST endpoints. */
package dev.predictionservice.predictions.boundary;
