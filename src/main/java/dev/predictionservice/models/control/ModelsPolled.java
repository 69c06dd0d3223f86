package dev.predictionservice.models.control;

/**
 * Fired on the poll's thread after each poll of the model table (and once at start, after the active version is
 * loaded): a component that keeps replica-wide settings in the database beside the active flag (the canary and the
 * shadow of monitoring) follows them at the same moment, so every replica picks them up with the same latency.
 */
public record ModelsPolled() {}
