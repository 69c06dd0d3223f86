package dev.predictionservice.predictionlog.boundary;

import dev.predictionservice.predictionlog.control.PredictionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the log can accept rows without losing any. A database outage alone keeps this UP (the log spools);
 * only a spool that refuses appends (disk full, size limit) turns it DOWN, so traffic moves to other replicas.
 */
@Readiness
@ApplicationScoped
public class PredictionLogReadinessCheck implements HealthCheck {

  @Inject PredictionLog log;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("prediction-log")
        .status(log.isAccepting())
        .withData("enabled", log.isRecording())
        .withData("queueDepth", log.queueDepth())
        .withData("spoolBytes", log.spoolBytes())
        .build();
  }
}
