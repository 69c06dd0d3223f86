package dev.predictionservice.inference.entity;

import java.util.Objects;

/**
 * One fully connected layer: {@code out[o] = activation(bias[o] + sum over i of in[i] * weights[i * outputs + o])}.
 * Each output's sum runs in a fixed order (bias first, then the inputs in order) in float arithmetic, which Java
 * defines exactly (no fused multiply-add unless asked for), so the result is the same on every machine. The loop
 * runs over the outputs inside the loop over the inputs: the outputs' sums are independent, so the JIT may compute
 * several at once (SIMD) without changing any sum's order. (Over the inputs inside, each sum is one long chain of
 * dependent adds: measured 1.4 us a row for the default 6-32-16-1 network.)
 */
public final class DenseLayer {

  private final int inputs;
  private final int outputs;
  private final float[] weights;
  private final float[] bias;
  private final Activation activation;
  private final float alpha;

  /**
   * @param weights {@code inputs x outputs}, row-major (one row of output weights per input, DL4J's layout of W)
   * @param alpha the negative slope for {@link Activation#LEAKY_RELU}, else ignored
   */
  public DenseLayer(int inputs, int outputs, float[] weights, float[] bias, Activation activation, float alpha) {
    if (inputs < 1 || outputs < 1 || weights.length != inputs * outputs || bias.length != outputs) {
      throw new IllegalArgumentException("A dense layer of " + inputs + " x " + outputs + " needs "
          + inputs * outputs + " weights and " + outputs + " biases, got " + weights.length + " and " + bias.length);
    }
    this.inputs = inputs;
    this.outputs = outputs;
    this.weights = weights.clone();
    this.bias = bias.clone();
    this.activation = Objects.requireNonNull(activation);
    this.alpha = alpha;
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  public Activation activation() {
    return activation;
  }

  /** Computes this layer's outputs from {@code in} (at least {@code inputs} long) into {@code out}. */
  void forward(float[] in, float[] out) {
    System.arraycopy(bias, 0, out, 0, outputs);
    for (int i = 0; i < inputs; i++) {
      float x = in[i];
      int row = i * outputs;
      for (int o = 0; o < outputs; o++) {
        out[o] += x * weights[row + o];
      }
    }
    activation.apply(out, outputs, alpha);
  }
}
