package dev.predictionservice.training;

/**
 * One labelled example. {@code trueProbability} is the known probability of the label for generated data, and NaN
 * for a user's CSV, where nobody knows it.
 */
public record TrainingRow(int age, double income, String category, int label, double trueProbability) {}
