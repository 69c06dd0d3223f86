package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.Activation;
import dev.predictionservice.inference.entity.DenseLayer;
import dev.predictionservice.inference.entity.DenseNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * Reads a DL4J network and its normalizer into the Java engine: the standardizer's mean and std, and each dense or
 * output layer's weights, bias and activation as primitive arrays. Anything else is refused with the reason, so the
 * caller can serve the network through DL4J instead.
 */
public final class DenseNetworkReader {

  private DenseNetworkReader() {}

  /** @throws UnsupportedNetworkException naming the first part the engine does not compute */
  public static DenseNetwork read(MultiLayerNetwork network, DataNormalization normalizer) {
    if (!(normalizer instanceof NormalizerStandardize standardize)) {
      throw new UnsupportedNetworkException("the normalizer " + normalizer.getClass().getSimpleName()
          + " (only NormalizerStandardize)");
    }
    if (!network.getLayerWiseConfigurations().getInputPreProcessors().isEmpty()) {
      throw new UnsupportedNetworkException("input preprocessors");
    }
    List<DenseLayer> layers = new ArrayList<>();
    for (int i = 0; i < network.getnLayers(); i++) {
      layers.add(layer(i, network.getLayer(i).conf().getLayer(), network.getLayer(i).paramTable()));
    }
    return new DenseNetwork(standardize.getMean().toFloatVector(), standardize.getStd().toFloatVector(), layers);
  }

  private static DenseLayer layer(int index, Layer conf, Map<String, INDArray> params) {
    boolean dense = conf instanceof org.deeplearning4j.nn.conf.layers.DenseLayer d && !d.isHasLayerNorm();
    if (!dense && !(conf instanceof OutputLayer)) {
      throw new UnsupportedNetworkException("layer " + index + " (" + conf.getClass().getSimpleName()
          + "; only DenseLayer without layer norm, and OutputLayer)");
    }
    BaseLayer base = (BaseLayer) conf;
    INDArray w = params.get("W");
    INDArray b = params.get("b");
    if (w == null || w.rank() != 2) {
      throw new UnsupportedNetworkException("layer " + index + " without a 2-d weight matrix");
    }
    int inputs = (int) w.size(0);
    int outputs = (int) w.size(1);
    float[][] byInput = w.toFloatMatrix(); // [inputs][outputs], the engine's layout
    float[] weights = new float[inputs * outputs];
    for (int i = 0; i < inputs; i++) {
      System.arraycopy(byInput[i], 0, weights, i * outputs, outputs);
    }
    float[] bias = b == null ? new float[outputs] : b.toFloatVector();
    IActivation activation = base.getActivationFn();
    return new DenseLayer(inputs, outputs, weights, bias, activation(index, activation), alpha(activation));
  }

  private static Activation activation(int index, IActivation fn) {
    if (fn instanceof ActivationIdentity) {
      return Activation.IDENTITY;
    }
    if (fn instanceof ActivationReLU relu && isPlain(relu)) {
      return Activation.RELU;
    }
    if (fn instanceof ActivationLReLU) {
      return Activation.LEAKY_RELU;
    }
    if (fn instanceof ActivationSigmoid) {
      return Activation.SIGMOID;
    }
    if (fn instanceof ActivationTanH) {
      return Activation.TANH;
    }
    if (fn instanceof ActivationSoftmax) {
      return Activation.SOFTMAX;
    }
    throw new UnsupportedNetworkException("the activation " + fn + " of layer " + index);
  }

  /** max(0, x): no upper bound, threshold or negative slope. */
  private static boolean isPlain(ActivationReLU relu) {
    return relu.getMax() == null && isZero(relu.getThreshold()) && isZero(relu.getNegativeSlope());
  }

  private static boolean isZero(Double value) {
    return value == null || value == 0.0;
  }

  private static float alpha(IActivation fn) {
    return fn instanceof ActivationLReLU leaky ? (float) leaky.getAlpha() : 0f;
  }
}
