package dev.predictionservice.models.control;

import dev.predictionservice.inference.entity.DenseNetwork;
import dev.predictionservice.inference.entity.Dl4jNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code model_engine{engine="java"|"dl4j"}}: 1 for the engine scoring the active model, 0 for the other. A 1 on
 * {@code dl4j} means the active model fell back to DL4J behind the batcher (slower; the log says why).
 */
@ApplicationScoped
public class EngineGauge {

  private static final Metadata ENGINE = Metadata.builder().withName("model_engine")
      .withDescription("1 for the engine scoring the active model (java: the Java engine; dl4j: the DL4J fallback)")
      .build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  private volatile String serving;
  private boolean registered;

  synchronized void serving(String engine) {
    serving = engine;
    if (!registered) {
      registered = true;
      for (String kind : new String[] {DenseNetwork.KIND, Dl4jNetwork.KIND}) {
        registry.gauge(ENGINE, () -> kind.equals(serving) ? 1 : 0, new Tag("engine", kind));
      }
    }
  }
}
