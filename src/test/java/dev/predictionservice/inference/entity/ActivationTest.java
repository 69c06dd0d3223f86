package dev.predictionservice.inference.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Relu by Math.max: the comparison's results for every value but NaN, which stays NaN as in DL4J's relu. */
class ActivationTest {

  @Test
  void reluKeepsPositivesAndZeroesTheRest() {
    float[] v = {-3.5f, -0f, 0f, Float.MIN_VALUE, 2.25f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN};
    Activation.RELU.apply(v, 0, v.length, 0);
    float[] expected = {0f, 0f, 0f, Float.MIN_VALUE, 2.25f, 0f, Float.POSITIVE_INFINITY, Float.NaN};
    for (int i = 0; i < v.length; i++) {
      assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(v[i]), "value " + i);
    }
  }

  @Test
  void softmaxOverColumnsGivesEachRowWhatItGetsAlone() {
    float[][] columns = {{1f, -2f, 0.5f}, {3f, 0f, 0.5f}};
    float[][] rows = {{1f, 3f}, {-2f, 0f}, {0.5f, 0.5f}};
    Activation.SOFTMAX.applyToColumns(columns, 2, 3, 0, new float[2]);
    for (int r = 0; r < rows.length; r++) {
      Activation.SOFTMAX.apply(rows[r], 0, 2, 0);
      for (int o = 0; o < 2; o++) {
        assertEquals(Float.floatToIntBits(rows[r][o]), Float.floatToIntBits(columns[o][r]),
            "row " + r + " output " + o);
      }
    }
  }
}
