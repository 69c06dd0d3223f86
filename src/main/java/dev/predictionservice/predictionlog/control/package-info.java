/**
 * The asynchronous prediction log: a bounded queue filled on the request path, drained by one background writer in
 * JDBC batches; on database failure (after retry and circuit breaker) an append-only spool file on local disk,
 * replayed in order once the database is back. Nothing accepted is lost unless the spool's disk is full.
 */
package dev.predictionservice.predictionlog.control;
