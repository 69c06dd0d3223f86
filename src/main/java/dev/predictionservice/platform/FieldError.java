package dev.predictionservice.platform;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: where it is ({@code age}, {@code instances[2].category}) and what is wrong. */
@Schema(description = "One invalid field.")
public record FieldError(
    @Schema(example = "age") String field, @Schema(example = "must be between 0 and 120") String message) {}
