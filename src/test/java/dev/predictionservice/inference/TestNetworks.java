package dev.predictionservice.inference;

import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.ModelBundle;
import dev.predictionservice.models.entity.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J networks for the engine's tests, over the service's six inputs (age, income, one-hot A..D), and model
 * bundles made from them with the committed default model's metadata.
 */
public final class TestNetworks {

  public static final int INPUTS = 6;
  static final Path DEFAULT_BUNDLE = Path.of("src/main/resources/model/default.bundle");

  private TestNetworks() {}

  /** Random (seeded) weights; hidden layers of the given widths and activations, then the output layer. */
  public static MultiLayerNetwork dense(long seed, int[] hidden, Activation[] hiddenActivations, int outputs,
      Activation outputActivation) {
    var layers = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER).list();
    int in = INPUTS;
    for (int i = 0; i < hidden.length; i++) {
      layers.layer(new DenseLayer.Builder().nIn(in).nOut(hidden[i]).activation(hiddenActivations[i]).build());
      in = hidden[i];
    }
    layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(outputs)
        .activation(outputActivation).build());
    MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
    network.init();
    return network;
  }

  /** The standardization of the default model's training data (age, income; one-hot columns left as they are). */
  public static NormalizerStandardize standardizer() {
    return standardizer(new float[] {53.75f, 64686f, 0, 0, 0, 0}, new float[] {21.05f, 40746f, 1, 1, 1, 1});
  }

  public static NormalizerStandardize standardizer(float[] mean, float[] std) {
    return new NormalizerStandardize(Nd4j.create(mean, new long[] {1, mean.length}),
        Nd4j.create(std, new long[] {1, std.length}));
  }

  /**
   * An ill-conditioned network on which the Java engine and DL4J must disagree, on every CPU: for category A the
   * hidden layer gives exactly 1e8 and -1e8, and the output layer adds them to a bias of 1. The Java engine sums the
   * bias first (1 + 1e8 rounds to 1e8 in float, then -1e8 gives 0); DL4J multiplies first and adds the bias last
   * (1e8 - 1e8 = 0 exactly, then 1). Every step is exact IEEE arithmetic, so the 0 against 1 does not depend on the
   * machine. Other categories score 1 on both.
   */
  public static MultiLayerNetwork illConditioned() {
    MultiLayerNetwork network = dense(1, new int[] {2}, new Activation[] {Activation.IDENTITY}, 1,
        Activation.IDENTITY);
    float[][] hiddenWeights = new float[INPUTS][2];
    hiddenWeights[2] = new float[] {1e8f, -1e8f}; // column 2: category A
    network.getLayer(0).setParam("W", Nd4j.create(hiddenWeights));
    network.getLayer(0).setParam("b", Nd4j.zeros(1, 2));
    network.getLayer(1).setParam("W", Nd4j.create(new float[][] {{1f}, {1f}}));
    network.getLayer(1).setParam("b", Nd4j.ones(1, 1));
    return network;
  }

  /** No standardization at all: mean 0, std 1. */
  public static NormalizerStandardize identityStandardizer() {
    return standardizer(new float[INPUTS], new float[] {1, 1, 1, 1, 1, 1});
  }

  /** A bundle file's bytes: the network and normalizer with the default model's metadata under {@code version}. */
  public static byte[] bundle(MultiLayerNetwork network, NormalizerStandardize normalizer, String version)
      throws IOException {
    ModelMetadata base = ModelBundleFiles.read(DEFAULT_BUNDLE).metadata();
    ModelMetadata metadata = new ModelMetadata(version, base.created(), base.schema(), base.trainingStats(),
        base.metrics(), base.seed(), base.hyperParameters(), "test network");
    Path file = Files.createTempFile("test", ".bundle");
    try {
      ModelBundleFiles.write(new ModelBundle(metadata, network, normalizer), file);
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
