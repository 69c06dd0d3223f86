package dev.predictionservice.inference.entity;

/**
 * The activations the Java engine computes, in place on the first {@code n} values of a layer's output. Functions
 * that need a transcendental use {@link StrictMath}, so every JVM on every CPU gives the same bits; the arithmetic is
 * float like DL4J's, the transcendental step double (its result rounded once to float).
 */
public enum Activation {
  IDENTITY {
    @Override
    void apply(float[] v, int n, float alpha) {
      // nothing to do
    }
  },
  RELU {
    @Override
    void apply(float[] v, int n, float alpha) {
      for (int i = 0; i < n; i++) {
        v[i] = v[i] > 0f ? v[i] : 0f;
      }
    }
  },
  LEAKY_RELU {
    @Override
    void apply(float[] v, int n, float alpha) {
      for (int i = 0; i < n; i++) {
        v[i] = v[i] > 0f ? v[i] : v[i] * alpha;
      }
    }
  },
  SIGMOID {
    @Override
    void apply(float[] v, int n, float alpha) {
      for (int i = 0; i < n; i++) {
        v[i] = (float) (1.0 / (1.0 + StrictMath.exp(-(double) v[i])));
      }
    }
  },
  TANH {
    @Override
    void apply(float[] v, int n, float alpha) {
      for (int i = 0; i < n; i++) {
        v[i] = (float) StrictMath.tanh(v[i]);
      }
    }
  },
  SOFTMAX {
    @Override
    void apply(float[] v, int n, float alpha) {
      float max = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, v[i]);
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double e = StrictMath.exp((double) v[i] - max);
        v[i] = (float) e;
        sum += e;
      }
      for (int i = 0; i < n; i++) {
        v[i] = (float) (v[i] / sum);
      }
    }
  };

  /**
   * Applies the activation in place.
   *
   * @param alpha the negative slope of {@link #LEAKY_RELU}; ignored by the others
   */
  abstract void apply(float[] v, int n, float alpha);
}
