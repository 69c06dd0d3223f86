package dev.predictionservice.inference.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java engine on a small network whose weights are a formula: golden values, exact. The engine's arithmetic is
 * defined by Java (float sums in a fixed order, StrictMath), so these bits hold on every JVM and CPU; a change here
 * means the engine now computes something else.
 */
class DenseNetworkTest {

  /** 6 inputs -> 5 leaky relu -> 4 tanh -> 3 relu -> 2 softmax -> 1 sigmoid, plus a 6 -> 3 identity -> 1 sigmoid. */
  static DenseNetwork network() {
    List<DenseLayer> layers = List.of(
        layer(6, 5, Activation.LEAKY_RELU, 0.1f),
        layer(5, 4, Activation.TANH, 0),
        layer(4, 3, Activation.RELU, 0),
        layer(3, 2, Activation.SOFTMAX, 0),
        layer(2, 1, Activation.SIGMOID, 0));
    return new DenseNetwork(new float[] {50, 60_000, 0, 0, 0, 0}, new float[] {20, 40_000, 1, 1, 1, 1}, layers);
  }

  static DenseNetwork identityNetwork() {
    return new DenseNetwork(new float[] {50, 60_000, 0, 0, 0, 0}, new float[] {20, 40_000, 1, 1, 1, 1},
        List.of(layer(6, 3, Activation.IDENTITY, 0), layer(3, 1, Activation.SIGMOID, 0)));
  }

  private static DenseLayer layer(int in, int out, Activation activation, float alpha) {
    float[] weights = new float[in * out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        weights[i * out + o] = (((o * 7 + i * 3 + in) % 11) - 5) / 4f;
      }
    }
    float[] bias = new float[out];
    for (int o = 0; o < out; o++) {
      bias[o] = (o % 3 - 1) / 8f;
    }
    return new DenseLayer(in, out, weights, bias, activation, alpha);
  }

  static final float[][] ROWS = {
    {35, 50_000, 1, 0, 0, 0},
    {62, 120_000, 0, 0, 1, 0},
    {18, 0, 0, 1, 0, 0},
    {90, 250_000, 0, 0, 0, 1},
    {0, 1e9f, 1, 0, 0, 0},
  };

  @Test
  void goldenValues() {
    assertBits(GOLDEN, network().score(ROWS));
    assertBits(GOLDEN_IDENTITY, identityNetwork().score(ROWS));
    // A few rows are scored one at a time, more by columns: the golden values again, from a batch of three copies.
    float[][] copies = new float[3 * ROWS.length][];
    float[] expected = new float[copies.length];
    for (int r = 0; r < copies.length; r++) {
      copies[r] = ROWS[r % ROWS.length];
      expected[r] = GOLDEN[r % ROWS.length];
    }
    assertBits(expected, network().score(copies));
  }

  // Computed once by this engine; see the class comment.
  static final float[] GOLDEN = {
    0x1.884016p-2f, 0x1.d39daap-2f, 0x1.5f786ap-2f, 0x1.d1bff8p-2f, 0x1.c8b134p-2f}; // 0.38305697 0.45665613 ...
  static final float[] GOLDEN_IDENTITY = {
    0x1.2d82ep-1f, 0x1.27fcdap-2f, 0x1.a47df8p-1f, 0x1.dda738p-11f, 0x0.0p0f}; // 0.5888891 0.2890505 ...

  private static void assertBits(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
          "row " + i + ": " + Float.toHexString(expected[i]) + " expected, got " + Float.toHexString(actual[i]));
    }
  }

  @Test
  void aRowScoresTheSameAloneAndInAnyBatch() {
    DenseNetwork network = network();
    float[][] rows = randomRows(new Random(3), 300);
    float[] batch = network.score(rows);
    for (int r = 0; r < rows.length; r++) {
      assertEquals(Float.floatToIntBits(batch[r]), Float.floatToIntBits(network.score(rows[r])), "row " + r);
    }
    List<float[]> reversed = new ArrayList<>(List.of(rows));
    Collections.reverse(reversed);
    float[] backwards = network.score(reversed.toArray(float[][]::new));
    for (int r = 0; r < rows.length; r++) {
      assertEquals(Float.floatToIntBits(batch[r]), Float.floatToIntBits(backwards[rows.length - 1 - r]));
    }
  }

  @Test
  void aWideNetworkScoresTheSameAloneAndInBatchesOfEverySize() {
    // The default model's shape (6 -> 32 relu -> 16 relu -> 1 sigmoid) with random weights: batches score their rows
    // in blocks, a layer's values stored output by output, and a batch of 1000 spans several blocks and a partial one.
    Random random = new Random(11);
    DenseNetwork network = new DenseNetwork(new float[] {50, 60_000, 0, 0, 0, 0},
        new float[] {20, 40_000, 1, 1, 1, 1},
        List.of(randomLayer(random, 6, 32, Activation.RELU), randomLayer(random, 32, 16, Activation.LEAKY_RELU),
            randomLayer(random, 16, 8, Activation.SOFTMAX), randomLayer(random, 8, 1, Activation.SIGMOID)));
    float[][] rows = randomRows(random, 1000);
    float[] batch = network.score(rows);
    for (int r = 0; r < rows.length; r++) {
      assertEquals(Float.floatToIntBits(network.score(rows[r])), Float.floatToIntBits(batch[r]), "row " + r);
    }
    for (int size : new int[] {1, 2, 5, 6, 255, 256, 257, 513}) {
      float[] part = network.score(Arrays.copyOfRange(rows, 1000 - size, 1000));
      for (int r = 0; r < size; r++) {
        assertEquals(Float.floatToIntBits(batch[1000 - size + r]), Float.floatToIntBits(part[r]),
            "row " + r + " of a batch of " + size);
      }
    }
  }

  /** Rows of an age, an income and one category of four, as the default model takes them. */
  private static float[][] randomRows(Random random, int count) {
    float[][] rows = new float[count][];
    for (int r = 0; r < count; r++) {
      rows[r] = new float[] {random.nextInt(121), (float) (random.nextDouble() * 300_000), 0, 0, 0, 0};
      rows[r][2 + random.nextInt(4)] = 1;
    }
    return rows;
  }

  private static DenseLayer randomLayer(Random random, int in, int out, Activation activation) {
    float[] weights = new float[in * out];
    for (int w = 0; w < weights.length; w++) {
      weights[w] = (float) random.nextGaussian() / (float) Math.sqrt(in);
    }
    float[] bias = new float[out];
    for (int o = 0; o < out; o++) {
      bias[o] = (float) random.nextGaussian() / 10;
    }
    return new DenseLayer(in, out, weights, bias, activation, 0.01f);
  }

  @Test
  void anEmptyBatchGivesNoScores() {
    assertArrayEquals(new float[0], network().score(new float[0][]));
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> network().score(new float[] {1, 2}));
  }

  @Test
  void layersThatDoNotFitAreRefused() {
    DenseLayer three = layer(6, 3, Activation.RELU, 0);
    DenseLayer fromFour = layer(4, 1, Activation.SIGMOID, 0);
    assertThrows(IllegalArgumentException.class,
        () -> new DenseNetwork(new float[6], new float[6], List.of(three, fromFour)));
    assertThrows(IllegalArgumentException.class,
        () -> new DenseNetwork(new float[5], new float[5], List.of(three)));
    assertThrows(IllegalArgumentException.class,
        () -> new DenseLayer(2, 2, new float[3], new float[2], Activation.RELU, 0));
  }
}
