package dev.predictionservice.predictions.entity;

import dev.predictionservice.platform.ConstraintShortcut;
import dev.predictionservice.predictionlog.entity.LoggedInstance;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One instance to score. Wrapper types, so that a missing field or a JSON null reaches Bean Validation as null and
 * is reported by name. The category is checked against the scoring model's schema by the Predictor.
 * {@link #satisfiesConstraints} restates the annotations as comparisons (PredictionRequestValidationTest holds the two
 * together): change both or neither.
 */
@Schema(description = "One instance to score.", example = "{\"age\":35,\"income\":50000,\"category\":\"A\"}")
public record PredictionRequest(
    @Schema(description = "Age in whole years.", minimum = "0", maximum = "120", example = "35", required = true)
        @NotNull
        @Min(value = 0, message = "must be between 0 and 120")
        @Max(value = 120, message = "must be between 0 and 120")
        Integer age,
    @Schema(description = "Yearly income.", minimum = "0", maximum = "1000000000", example = "50000", required = true)
        @NotNull
        @DecimalMin(value = "0", message = "must be between 0 and 1000000000")
        @DecimalMax(value = "1000000000", message = "must be between 0 and 1000000000")
        Double income,
    @Schema(
            description = "One of the categories of the active model's schema (see GET /health/ready).",
            example = "A",
            required = true)
        @NotBlank
        String category)
    implements ConstraintShortcut, LoggedInstance {

  /** The annotations above as plain comparisons; true only where Bean Validation finds no violation. */
  @Override
  public boolean satisfiesConstraints() {
    return age != null && age >= 0 && age <= 120
        // NaN fails both comparisons; DecimalMin/DecimalMax compare the exact double value, as these do.
        && income != null && income >= 0 && income <= 1_000_000_000d
        // @NotBlank is Hibernate Validator's trim().length() > 0 (not isBlank(), which differs on some characters).
        && category != null && !category.trim().isEmpty();
  }
}
