package dev.predictionservice.training;

import dev.predictionservice.inference.control.DenseNetworkReader;
import dev.predictionservice.inference.control.UnsupportedNetworkException;
import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.inference.entity.ScoringEngine;
import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.entity.FeatureSchema;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * The model's predictions on its training rows, the reference of the prediction's drift. Scored by the Java engine
 * the server uses, so the reference has the same bits on every machine (DL4J's differ in the low bits between CPUs);
 * a network the engine cannot read is scored by DL4J, as the server would.
 */
final class TrainingScores {

  private TrainingScores() {}

  static double[] of(MultiLayerNetwork network, DataNormalization normalizer, List<TrainingRow> rows,
      FeatureSchema schema) {
    ScoringEngine engine;
    try {
      engine = DenseNetworkReader.read(network, normalizer);
    } catch (UnsupportedNetworkException e) {
      engine = new Dl4jNetwork(network, normalizer);
    }
    float[][] encoded = new float[rows.size()][];
    for (int i = 0; i < encoded.length; i++) {
      TrainingRow row = rows.get(i);
      encoded[i] = FeatureEncoder.encode(schema, row.age(), row.income(), row.category());
    }
    float[] scores = engine.score(encoded);
    double[] widened = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      widened[i] = scores[i];
    }
    return widened;
  }
}
