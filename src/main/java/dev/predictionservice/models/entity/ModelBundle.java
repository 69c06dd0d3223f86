package dev.predictionservice.models.entity;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loaded model: the DL4J network, the normalizer fitted on its training data and the metadata. Immutable from the
 * outside; {@link #predict(float[][])} is safe to call from many threads (DL4J's {@code output} is synchronized,
 * and every call works on its own arrays).
 */
public final class ModelBundle {

  private final ModelMetadata metadata;
  private final MultiLayerNetwork network;
  private final DataNormalization normalizer;
  // A standardizer's mean and std as plain floats, or null for another normalizer: see predict.
  private final float[] mean;
  private final float[] std;

  public ModelBundle(ModelMetadata metadata, MultiLayerNetwork network, DataNormalization normalizer) {
    this.metadata = Objects.requireNonNull(metadata);
    this.network = Objects.requireNonNull(network);
    this.normalizer = Objects.requireNonNull(normalizer);
    boolean standardizer = normalizer instanceof NormalizerStandardize;
    this.mean = standardizer ? ((NormalizerStandardize) normalizer).getMean().toFloatVector() : null;
    this.std = standardizer ? ((NormalizerStandardize) normalizer).getStd().toFloatVector() : null;
  }

  public ModelMetadata metadata() {
    return metadata;
  }

  public String version() {
    return metadata.version();
  }

  public FeatureSchema schema() {
    return metadata.schema();
  }

  /** Probabilities of the positive class, one per encoded row (see FeatureEncoder). */
  public float[] predict(float[][] rows) {
    if (mean == null) {
      INDArray input = Nd4j.create(rows);
      normalizer.transform(input);
      return network.output(input, false).reshape(rows.length).toFloatVector();
    }
    // Every ND4J op costs tens of microseconds of bookkeeping whatever its size, so the standardization (x - mean) /
    // std is done here, in the same float arithmetic as DL4J's (ModelBundleTest checks the results are identical),
    // straight into the one flat buffer the input array wraps.
    int width = mean.length;
    float[] flat = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < width; c++) {
        flat[r * width + c] = (rows[r][c] - mean[c]) / std[c];
      }
    }
    INDArray input = Nd4j.create(flat, new long[] {rows.length, width}, 'c');
    return network.output(input, false).toFloatVector();
  }

  /** The network, for writing the bundle and for tests; callers must not train or change it. */
  public MultiLayerNetwork network() {
    return network;
  }

  /** The normalizer, for writing the bundle; callers must not refit it. */
  public DataNormalization normalizer() {
    return normalizer;
  }
}
