/**
 * Cross-cutting web concerns: request ids, JSON binding, body limits, problem+json errors (also for what Liberty
 * refuses before JAX-RS, through the web.xml error page), liveness, and the graceful
 * stop (SIGTERM drains with readiness DOWN before Liberty quiesces).
 */
package dev.predictionservice.platform;
