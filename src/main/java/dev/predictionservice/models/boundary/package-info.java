/** The model component's outside: its health checks. */
package dev.predictionservice.models.boundary;
