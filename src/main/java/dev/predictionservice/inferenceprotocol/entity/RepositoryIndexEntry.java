package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One model version in the repository index (the model-repository extension's shape, as Triton answers it). */
@Schema(name = "repository_index_entry", description = "A model version and its state on this server.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryIndexEntry(
    @Schema(example = "prediction-model") String name,
    @Schema(example = "m-67bbd5326a4f") String version,
    @Schema(description = "READY (loaded here), LOADING or UNAVAILABLE", example = "READY") String state,
    @Schema(description = "Why it is not READY; empty when it is.", example = "") String reason,
    @JsonProperty("memory_bytes")
    @Schema(name = "memory_bytes", description = "Estimated memory the loaded version takes here; absent unless READY.")
        Long memoryBytes) {}
