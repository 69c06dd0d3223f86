package dev.predictionservice.inference.entity;

import java.util.Arrays;
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
    activation.apply(out, 0, outputs, alpha);
  }

  /**
   * The same for {@code rows} rows at once, stored input by input: input {@code i} of row {@code r} at
   * {@code in[i][r]}, output {@code o} at {@code out[o][r]}. Each row's sums take exactly the operations of
   * {@link #forward} in the same order (bias, then the inputs in order), so a row gets the same bits alone or in a
   * batch. The innermost loop runs over the rows, long and independent, which the JIT computes many at a time (SIMD)
   * where a row alone has only this layer's 16 or 32 outputs to spread over. One array per column, not one array
   * with a column's offset in the index: the JIT then vectorizes the loop (measured 4x faster), and each pass adds
   * four inputs (in order, into one local), which halved the loads and stores of the partial sums.
   *
   * @param scratch at least {@code outputs} long, for an activation that spans a row's outputs
   */
  void forwardColumns(float[][] in, float[][] out, int rows, float[] scratch) {
    for (int o = 0; o < outputs; o++) {
      float[] sums = out[o];
      Arrays.fill(sums, 0, rows, bias[o]);
      int i = 0;
      for (; i + 4 <= inputs; i += 4) {
        float w0 = weights[i * outputs + o];
        float w1 = weights[(i + 1) * outputs + o];
        float w2 = weights[(i + 2) * outputs + o];
        float w3 = weights[(i + 3) * outputs + o];
        float[] x0 = in[i];
        float[] x1 = in[i + 1];
        float[] x2 = in[i + 2];
        float[] x3 = in[i + 3];
        for (int r = 0; r < rows; r++) {
          float sum = sums[r];
          sum += x0[r] * w0;
          sum += x1[r] * w1;
          sum += x2[r] * w2;
          sum += x3[r] * w3;
          sums[r] = sum;
        }
      }
      for (; i < inputs; i++) {
        float w = weights[i * outputs + o];
        float[] x = in[i];
        for (int r = 0; r < rows; r++) {
          sums[r] += x[r] * w;
        }
      }
    }
    activation.applyToColumns(out, outputs, rows, alpha, scratch);
  }
}
