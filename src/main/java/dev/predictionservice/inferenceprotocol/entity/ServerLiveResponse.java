package dev.predictionservice.inferenceprotocol.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2/health/live}. */
@Schema(name = "live_server_response", description = "Whether the server can answer requests.")
public record ServerLiveResponse(@Schema(required = true) boolean live) {}
