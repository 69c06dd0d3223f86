package dev.predictionservice.inference.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.predictionservice.inference.TestNetworks;
import dev.predictionservice.inference.entity.DenseNetwork;
import dev.predictionservice.inference.entity.Dl4jNetwork;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerMinMaxScaler;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The Java engine read from DL4J networks agrees with DL4J within the load check's tolerance. */
class DenseNetworkReaderTest {

  /** Rows like the service's: age 0..120, income 0..300,000, one category. */
  static float[][] rows(long seed, int count) {
    Random random = new Random(seed);
    float[][] rows = new float[count][];
    for (int r = 0; r < count; r++) {
      float[] row = new float[TestNetworks.INPUTS];
      row[0] = random.nextInt(121);
      row[1] = (float) (random.nextDouble() * 300_000);
      row[2 + random.nextInt(4)] = 1f;
      rows[r] = row;
    }
    return rows;
  }

  private static EngineCheck.Result check(MultiLayerNetwork network) {
    var normalizer = TestNetworks.standardizer();
    DenseNetwork engine = DenseNetworkReader.read(network, normalizer);
    return EngineCheck.compare(engine, new Dl4jNetwork(network, normalizer), rows(3, 2000));
  }

  @ParameterizedTest
  @EnumSource(names = {"IDENTITY", "RELU", "LEAKYRELU", "SIGMOID", "TANH", "SOFTMAX"})
  void everySupportedHiddenActivationAgreesWithDl4j(Activation activation) {
    MultiLayerNetwork network = TestNetworks.dense(7, new int[] {16, 8},
        new Activation[] {activation, activation}, 1, Activation.SIGMOID);

    EngineCheck.Result result = check(network);

    assertTrue(result.agrees(), activation + ": " + result);
    assertTrue(result.difference() < 1e-6, activation + ": " + result);
  }

  @ParameterizedTest
  @EnumSource(names = {"IDENTITY", "RELU", "LEAKYRELU", "SIGMOID", "TANH"})
  void everySupportedOutputActivationAgreesWithDl4j(Activation activation) {
    MultiLayerNetwork network = TestNetworks.dense(11, new int[] {12},
        new Activation[] {Activation.TANH}, 1, activation);

    assertTrue(check(network).agrees(), activation + ": " + check(network));
  }

  @Test
  void aTwoClassSoftmaxScoresThePositiveClass() {
    MultiLayerNetwork network = TestNetworks.dense(13, new int[] {10, 6},
        new Activation[] {Activation.RELU, Activation.LEAKYRELU}, 2, Activation.SOFTMAX);

    EngineCheck.Result result = check(network);

    assertTrue(result.agrees(), result.toString());
    float[] row = rows(5, 1)[0];
    var normalizer = TestNetworks.standardizer();
    float positive = new Dl4jNetwork(network, normalizer).score(row);
    float[] both = network.output(Nd4j.create(new float[][] {normalize(row)})).toFloatVector();
    assertEquals(both[1], positive, 1e-6f, "the last column is the positive class");
  }

  private static float[] normalize(float[] row) {
    float[] mean = {53.75f, 64686f, 0, 0, 0, 0};
    float[] std = {21.05f, 40746f, 1, 1, 1, 1};
    float[] out = new float[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = (row[i] - mean[i]) / std[i];
    }
    return out;
  }

  @Test
  void theIllConditionedNetworkDisagreesOnCategoryARows() {
    MultiLayerNetwork network = TestNetworks.illConditioned();
    var normalizer = TestNetworks.identityStandardizer();
    float[][] rows = rows(17, 50);

    EngineCheck.Result result =
        EngineCheck.compare(DenseNetworkReader.read(network, normalizer), new Dl4jNetwork(network, normalizer), rows);

    assertFalse(result.agrees());
    assertEquals(1f, rows[result.worstRow()][2], "the worst row is a category A row");
    assertEquals(0f, result.engine());
    assertEquals(1f, result.reference());
    assertEquals(1.0, result.difference());
  }

  @ParameterizedTest
  @EnumSource(names = {"ELU", "HARDSIGMOID", "SOFTPLUS", "SWISH"})
  void anUnknownActivationIsRefusedWithItsName(Activation activation) {
    MultiLayerNetwork network = TestNetworks.dense(19, new int[] {4}, new Activation[] {Activation.RELU}, 1,
        activation);

    UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
        () -> DenseNetworkReader.read(network, TestNetworks.standardizer()));
    assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
  }

  @Test
  void aCappedReluIsRefused() {
    MultiLayerNetwork network = TestNetworks.dense(19, new int[] {4}, new Activation[] {Activation.RELU6}, 1,
        Activation.SIGMOID);

    assertThrows(UnsupportedNetworkException.class, () -> DenseNetworkReader.read(network,
        TestNetworks.standardizer()));
  }

  @Test
  void anotherLayerTypeIsRefused() {
    var conf = new NeuralNetConfiguration.Builder().seed(1).list()
        .layer(new BatchNormalization.Builder().nIn(TestNetworks.INPUTS).nOut(TestNetworks.INPUTS).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(TestNetworks.INPUTS).nOut(1)
            .activation(Activation.SIGMOID).build())
        .build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();

    UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
        () -> DenseNetworkReader.read(network, TestNetworks.standardizer()));
    assertTrue(e.getMessage().contains("BatchNormalization"), e.getMessage());
  }

  @Test
  void anotherNormalizerIsRefused() {
    MultiLayerNetwork network = TestNetworks.dense(23, new int[] {4}, new Activation[] {Activation.RELU}, 1,
        Activation.SIGMOID);

    UnsupportedNetworkException e = assertThrows(UnsupportedNetworkException.class,
        () -> DenseNetworkReader.read(network, new NormalizerMinMaxScaler()));
    assertTrue(e.getMessage().contains("NormalizerMinMaxScaler"), e.getMessage());
  }
}
