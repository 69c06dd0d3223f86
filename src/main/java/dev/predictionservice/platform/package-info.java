/**
 * Cross-cutting web concerns: request ids, JSON binding, body limits, problem+json errors, liveness, and the graceful
 * stop (SIGTERM drains with readiness DOWN before Liberty quiesces).
 */
package dev.predictionservice.platform;
