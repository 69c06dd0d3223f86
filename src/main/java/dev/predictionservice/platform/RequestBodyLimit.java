package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The largest request body any endpoint takes; checked when the application starts, so a bad value fails fast. */
@ApplicationScoped
public class RequestBodyLimit {

  static final String MAX_BODY_BYTES = "predict.body.max-bytes";

  @Inject
  @ConfigProperty(name = MAX_BODY_BYTES, defaultValue = "1048576")
  long maxBodyBytes;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    validate();
  }

  void validate() {
    ConfigValues.requireInRange(MAX_BODY_BYTES, maxBodyBytes, 1024, 64L * 1024 * 1024);
  }

  public long maxBytes() {
    return maxBodyBytes;
  }
}
