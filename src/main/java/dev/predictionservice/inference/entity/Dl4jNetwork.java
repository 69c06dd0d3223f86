package dev.predictionservice.inference.entity;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's own forward pass: the reference the Java engine is checked against, the trainer's evaluation, and the engine
 * of last resort for a network the Java engine does not know (then behind the dynamic batcher, as one call costs
 * 150-400 us whatever its size). Its low bits differ between CPUs and between a row alone and in a batch.
 * Thread-safe: DL4J's {@code output} is synchronized and every call works on its own arrays.
 */
public final class Dl4jNetwork implements ScoringEngine {

  public static final String KIND = "dl4j";

  private final MultiLayerNetwork network;
  private final DataNormalization normalizer;
  // A standardizer's mean and std as plain floats, or null for another normalizer: see score.
  private final float[] mean;
  private final float[] std;

  public Dl4jNetwork(MultiLayerNetwork network, DataNormalization normalizer) {
    this.network = Objects.requireNonNull(network);
    this.normalizer = Objects.requireNonNull(normalizer);
    boolean standardizer = normalizer instanceof NormalizerStandardize;
    this.mean = standardizer ? ((NormalizerStandardize) normalizer).getMean().toFloatVector() : null;
    this.std = standardizer ? ((NormalizerStandardize) normalizer).getStd().toFloatVector() : null;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The probability of the positive class (the last output column) per row. */
  @Override
  public float[] score(float[][] rows) {
    INDArray input;
    if (mean == null) {
      input = Nd4j.create(rows);
      normalizer.transform(input);
    } else {
      // Every ND4J op costs tens of microseconds of bookkeeping whatever its size, so the standardization is done
      // here, in the same float arithmetic as DL4J's, straight into the one flat buffer the input array wraps.
      int width = mean.length;
      float[] flat = new float[rows.length * width];
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < width; c++) {
          flat[r * width + c] = (rows[r][c] - mean[c]) / std[c];
        }
      }
      input = Nd4j.create(flat, new long[] {rows.length, width}, 'c');
    }
    INDArray output = network.output(input, false);
    long columns = output.size(1);
    return (columns == 1 ? output : output.getColumn(columns - 1)).reshape(rows.length).toFloatVector();
  }
}
