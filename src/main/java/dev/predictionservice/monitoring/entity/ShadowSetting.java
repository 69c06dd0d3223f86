package dev.predictionservice.monitoring.entity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shadow: a version that also scores a share of the requests in the background; its answers reach no caller. */
@Schema(description = "A shadow: the version scoring in the background and the share of scoring calls it sees.",
    example = "{\"version\":\"m-0123456789ab\",\"fraction\":0.1}")
public record ShadowSetting(
    @Schema(description = "A registered version other than the active one; it is loaded if it is not.",
            required = true)
        @NotBlank
        String version,
    @Schema(description = "Share of the scoring calls copied to the shadow, 0 to 1.", minimum = "0", maximum = "1",
            required = true)
        @NotNull
        @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        Double fraction) {}
