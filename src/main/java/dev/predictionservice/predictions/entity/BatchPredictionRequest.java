package dev.predictionservice.predictions.entity;

import dev.predictionservice.platform.ConstraintShortcut;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Several instances scored in one call; the upper bound on their number comes from config. */
@Schema(
    description = "Instances to score in one call (at most predict.batch.max-size, 1000 by default).",
    example = "{\"instances\":[{\"age\":35,\"income\":50000,\"category\":\"A\"},"
        + "{\"age\":62,\"income\":120000,\"category\":\"C\"}]}")
public record BatchPredictionRequest(@NotEmpty List<@NotNull @Valid PredictionRequest> instances)
    implements ConstraintShortcut {

  public BatchPredictionRequest {
    // A copy that keeps null entries, so that validation can name them (List.copyOf would throw instead).
    instances = instances == null ? null : Collections.unmodifiableList(new ArrayList<>(instances));
  }

  /** The annotations above as plain checks, each instance by its own shortcut. */
  @Override
  public boolean satisfiesConstraints() {
    if (instances == null || instances.isEmpty()) {
      return false;
    }
    for (PredictionRequest instance : instances) {
      if (instance == null || !instance.satisfiesConstraints()) {
        return false;
      }
    }
    return true;
  }
}
