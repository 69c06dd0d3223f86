package dev.predictionservice.inferenceprotocol.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2/health/ready}. */
@Schema(name = "ready_server_response", description = "Whether the server can serve inference requests.")
public record ServerReadyResponse(@Schema(required = true) boolean ready) {}
