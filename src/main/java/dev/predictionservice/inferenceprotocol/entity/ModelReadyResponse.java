package dev.predictionservice.inferenceprotocol.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2/models/{name}[/versions/{version}]/ready}. */
@Schema(name = "ready_model_response", description = "Whether the model can serve inference requests.")
public record ModelReadyResponse(
    @Schema(example = "prediction-model", required = true) String name, @Schema(required = true) boolean ready) {}
