package dev.predictionservice.models.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code model_loaded_memory_bytes{model_version="…"}}: the estimated memory of each version loaded here, the active
 * one included. A series exists only while its version is loaded (at most {@code models.loaded.max} + 1), so the
 * label set stays small and the sum is what the loaded models hold.
 */
@ApplicationScoped
public class LoadedMemoryGauge {

  static final String NAME = "model_loaded_memory_bytes";
  private static final Metadata MEMORY = Metadata.builder().withName(NAME)
      .withDescription("Estimated memory of a loaded model version: network parameters, engine arrays, normalizer")
      .build(); // no unit: the name carries it, as prediction_log_spool_bytes does

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  void loaded(String version, long bytes) {
    registry.gauge(MEMORY, () -> bytes, tag(version));
  }

  void unloaded(String version) {
    registry.remove(new MetricID(NAME, tag(version)));
  }

  private static Tag tag(String version) {
    return new Tag("model_version", version);
  }
}
