/** The prediction log's outside: its readiness check (can it still accept rows without losing any?). */
package dev.predictionservice.predictionlog.boundary;
