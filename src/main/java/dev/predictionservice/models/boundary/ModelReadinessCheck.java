package dev.predictionservice.models.boundary;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.platform.ShutdownState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while a model is active and the server is not draining for shutdown. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

  @Inject ModelRegistry registry;
  @Inject ShutdownState shutdown;

  @Override
  public HealthCheckResponse call() {
    ModelBundle model = registry.active();
    boolean draining = shutdown.isDraining();
    var response = HealthCheckResponse.named("model").status(model != null && !draining).withData("draining", draining);
    if (model != null) {
      response
          .withData("version", model.version())
          .withData("engine", model.engineKind())
          .withData("categories", String.join(",", model.schema().categories()));
    }
    return response.build();
  }
}
