/** Cross-cutting web concerns: request ids, JSON binding, body limits, problem+json errors, liveness. */
package dev.predictionservice.platform;
