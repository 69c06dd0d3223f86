package dev.predictionservice.models.control;

import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The {@link Served} state this replica publishes, and the gauges that follow it ({@code model_active},
 * {@code model_engine}, {@code model_loaded_memory_bytes}). Readers take {@link #now()} without a lock; the writers
 * are called by ModelRegistry with its lock held, so each change is one volatile write of a new immutable state.
 */
@ApplicationScoped
public class ServedModels {

  private static final Logger LOG = RequestLogContext.logger(ServedModels.class);

  private volatile Served served = Served.NONE;

  @Inject ActiveModelGauge gauge;
  @Inject EngineGauge engineGauge;
  @Inject LoadedMemoryGauge memoryGauge;

  Served now() {
    return served;
  }

  /** Serves {@code next} as the active version; returns the version active until now (it stays loaded), or null. */
  String promote(LoadedModel next) {
    LoadedModel previous = served.active();
    served = served.activate(next);
    gauge.track(next.version(), () -> served.active().version());
    engineGauge.serving(next.bundle().engineKind());
    memoryGauge.loaded(next.version(), next.memoryBytes());
    return previous == null || previous.version().equals(next.version()) ? null : previous.version();
  }

  void add(LoadedModel model) {
    served = served.with(model);
    memoryGauge.loaded(model.version(), model.memoryBytes());
  }

  /** Drops every reference to a loaded version that is not the active one; nothing if it is not loaded. */
  void drop(String version) {
    served.find(version).filter(m -> m != served.active()).ifPresent(m -> {
      served = served.without(version);
      memoryGauge.unloaded(version);
      LOG.info(() -> "Model " + version + " unloaded, freeing about " + m.memoryBytes() + " bytes");
    });
  }
}
