package dev.predictionservice.inferenceprotocol.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The error object of the Open Inference Protocol: every failed {@code /v2} request answers with it. */
@Schema(name = "inference_error_response", description = "An Open Inference Protocol error.",
    example = "{\"error\":\"input 'age' element 0: must be between 0 and 120\"}")
public record InferenceError(@Schema(description = "What is wrong with the request.", required = true) String error) {}
