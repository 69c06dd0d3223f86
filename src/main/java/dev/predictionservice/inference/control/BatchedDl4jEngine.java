package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.inference.entity.ScoringEngine;

/**
 * The fallback for a network the Java engine does not know: DL4J, with every call going through the dynamic batcher
 * so that concurrent requests share DL4J's fixed per-call overhead.
 */
final class BatchedDl4jEngine implements ScoringEngine {

  private final Dl4jNetwork network;
  private final InferenceBatcher batcher;

  BatchedDl4jEngine(Dl4jNetwork network, InferenceBatcher batcher) {
    this.network = network;
    this.batcher = batcher;
  }

  @Override
  public float[] score(float[][] rows) {
    return batcher.score(network, rows);
  }

  @Override
  public String kind() {
    return Dl4jNetwork.KIND;
  }
}
