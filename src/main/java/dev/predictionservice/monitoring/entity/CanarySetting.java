package dev.predictionservice.monitoring.entity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The canary: a candidate version and the share of the unversioned traffic it answers instead of the active one. */
@Schema(description = "A canary: the candidate version and its share of the traffic that names no version.",
    example = "{\"version\":\"m-0123456789ab\",\"weight\":0.2}")
public record CanarySetting(
    @Schema(description = "A registered version other than the active one; it is loaded if it is not.",
            required = true)
        @NotBlank
        String version,
    @Schema(description = "Share of the requests answered by the candidate, 0 to 1.", minimum = "0", maximum = "1",
            required = true)
        @NotNull
        @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        Double weight) {}
