package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the requests of one version went (Triton's {@code inference_stats}). {@code queue} is 0 ns: nothing queues
 * here (the Java engine scores on the caller's thread, the bulkheads refuse rather than queue; a DL4J-fallback
 * model's wait in its batcher is part of compute_infer). compute_output is the hand-over to the prediction log.
 */
@Schema(name = "inference_stats")
public record InferenceStatistics(
    StatisticDuration success,
    StatisticDuration fail,
    StatisticDuration queue,
    @JsonProperty("compute_input") @Schema(name = "compute_input") StatisticDuration computeInput,
    @JsonProperty("compute_infer") @Schema(name = "compute_infer") StatisticDuration computeInfer,
    @JsonProperty("compute_output") @Schema(name = "compute_output") StatisticDuration computeOutput) {}
