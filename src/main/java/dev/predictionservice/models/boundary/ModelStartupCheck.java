package dev.predictionservice.models.boundary;

import dev.predictionservice.models.control.ModelRegistry;
import dev.predictionservice.models.entity.ModelBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the model is loaded. */
@Startup
@ApplicationScoped
public class ModelStartupCheck implements HealthCheck {

  @Inject ModelRegistry registry;

  @Override
  public HealthCheckResponse call() {
    ModelBundle model = registry.active();
    var response = HealthCheckResponse.named("model-loaded").status(model != null);
    if (model != null) {
      response.withData("version", model.version());
    }
    return response.build();
  }
}
