package dev.predictionservice.models.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * {@code model_active{version="…"}}: 1 for the version being served, 0 for versions served before. One series per
 * version this process has loaded, so the label set stays small; dashboards and alerts see which version is live.
 */
@ApplicationScoped
public class ActiveModelGauge {

  private static final Metadata ACTIVE =
      Metadata.builder().withName("model_active").withDescription("1 for the model version being served, else 0")
          .build();

  @Inject
  @RegistryType(type = MetricRegistry.Type.APPLICATION)
  MetricRegistry registry;

  private final Set<String> tracked = ConcurrentHashMap.newKeySet();

  /** Makes sure {@code version} has its series; {@code activeVersion} tells which one is live now. */
  public void track(String version, Supplier<String> activeVersion) {
    if (tracked.add(version)) {
      registry.gauge(ACTIVE, () -> version.equals(activeVersion.get()) ? 1 : 0, new Tag("version", version));
    }
  }
}
