package dev.predictionservice.monitoring.control;

/** A row of the model_rollout table: the version a canary or shadow names and its share of the traffic. */
record Rollout(String version, double share) {}
