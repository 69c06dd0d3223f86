package dev.predictionservice.models.control;

import dev.predictionservice.inference.entity.DenseLayer;
import dev.predictionservice.inference.entity.DenseNetwork;
import dev.predictionservice.models.entity.ModelBundle;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * An estimate of the memory a loaded version holds: the network's parameters (DL4J keeps them in one off-heap
 * buffer), the Java engine's copies of the weights and standardization, and the normalizer's mean and deviation.
 * It counts the arrays that grow with the model, not object headers or DL4J's fixed per-network overhead, so it is a
 * lower bound good for comparing versions and for sizing {@code models.loaded.max}; computed once, at load.
 */
final class ModelMemory {

  private ModelMemory() {}

  static long estimate(ModelBundle bundle) {
    return bytes(bundle.network().params()) + normalizerBytes(bundle) + engineBytes(bundle);
  }

  private static long normalizerBytes(ModelBundle bundle) {
    if (bundle.normalizer() instanceof NormalizerStandardize standardize) {
      return bytes(standardize.getMean()) + bytes(standardize.getStd());
    }
    return 0; // the trainer writes only NormalizerStandardize; another kind is not counted
  }

  /** The Java engine copies every weight and bias as floats; the DL4J engine shares the network's buffer. */
  private static long engineBytes(ModelBundle bundle) {
    if (!(bundle.engine() instanceof DenseNetwork dense)) {
      return 0;
    }
    long floats = 2L * dense.inputs();
    for (DenseLayer layer : dense.layers()) {
      floats += (long) layer.inputs() * layer.outputs() + layer.outputs();
    }
    return floats * Float.BYTES;
  }

  private static long bytes(INDArray array) {
    return array == null ? 0 : array.length() * array.dataType().width();
  }
}
