/**
 * The protocol's rules: tensors read and checked by hand into the instances {@code /predict} takes, scored by the one
 * scoring use case (predictions' Predictor) with the protocol's wording of its refusals; which versions a path may
 * name; the repository over the registry's loaded versions; the statistics in Triton's shape.
 */
package dev.predictionservice.inferenceprotocol.control;
