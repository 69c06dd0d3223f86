package dev.predictionservice.monitoring.entity;

/**
 * One bin of a feature: its label ({@code "[25, 32)"}, {@code "< 25"}, {@code ">= 83"} or a category), the share of
 * the training rows in it, and the share of the live window's rows.
 */
public record DriftBin(String bin, double training, double live) {}
