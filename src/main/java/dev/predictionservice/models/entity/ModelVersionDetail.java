package dev.predictionservice.models.entity;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One model version with its metadata.json (schema, training statistics, evaluation metrics). */
@Schema(description = "A registered model version with its metadata.")
public record ModelVersionDetail(
    @Schema(implementation = ModelVersionSummary.class) ModelVersionSummary version,
    @Schema(description = "The bundle's metadata.json", type = org.eclipse.microprofile.openapi.annotations.enums
        .SchemaType.OBJECT) JsonNode metadata) {}
