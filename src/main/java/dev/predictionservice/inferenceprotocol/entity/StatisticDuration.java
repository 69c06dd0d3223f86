package dev.predictionservice.inferenceprotocol.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A count of requests and their total time in nanoseconds (Triton's {@code statistic_duration}). */
@Schema(name = "statistic_duration")
public record StatisticDuration(long count, long ns) {}
