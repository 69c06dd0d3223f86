package dev.predictionservice.predictions.entity;

/**
 * One instance the scoring use case refuses: its index in the request, the field and what is wrong. Each API words it
 * its own way (a problem+json field, a tensor element), from these parts, without parsing a message back.
 */
public record RowError(int row, String field, String message) {}
