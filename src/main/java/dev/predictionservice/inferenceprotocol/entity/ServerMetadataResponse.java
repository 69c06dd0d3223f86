package dev.predictionservice.inferenceprotocol.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v2}: the server's name, version and protocol extensions. */
@Schema(name = "metadata_server_response", description = "Server metadata (Open Inference Protocol).")
public record ServerMetadataResponse(
    @Schema(example = "prediction-service", required = true) String name,
    @Schema(example = "0.1.0", required = true) String version,
    @Schema(description = "Protocol extensions served: model_repository, statistics.", required = true)
        List<String> extensions) {

  public ServerMetadataResponse {
    extensions = List.copyOf(extensions);
  }
}
