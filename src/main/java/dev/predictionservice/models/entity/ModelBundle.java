package dev.predictionservice.models.entity;

import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
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

  public ModelBundle(ModelMetadata metadata, MultiLayerNetwork network, DataNormalization normalizer) {
    this.metadata = Objects.requireNonNull(metadata);
    this.network = Objects.requireNonNull(network);
    this.normalizer = Objects.requireNonNull(normalizer);
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
    INDArray input = Nd4j.create(rows);
    normalizer.transform(input);
    INDArray output = network.output(input, false);
    return output.reshape(rows.length).toFloatVector();
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
