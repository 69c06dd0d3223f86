/** The model component's outside: the admin API (/models), its error mappings and the model health checks. */
package dev.predictionservice.models.boundary;
