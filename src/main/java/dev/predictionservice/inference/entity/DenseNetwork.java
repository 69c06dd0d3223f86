package dev.predictionservice.inference.entity;

import java.util.List;

/**
 * The Java engine: standardization, then dense layers, on the caller's thread. A row costs a few hundred
 * multiply-adds (about a microsecond) where a DL4J call costs 150-400 us of fixed overhead, and the result depends
 * only on the weights and the row: the same bits on every CPU, alone or in a batch, from any endpoint.
 * The score of a row is the last output of the last layer (the only one of a sigmoid output, the positive class of a
 * two-class softmax). Immutable and thread-safe; scoring allocates nothing but the result array.
 */
public final class DenseNetwork implements ScoringEngine {

  public static final String KIND = "java";

  // Two buffers per thread, at least as wide as the widest layer: the activations of one layer feed the next.
  private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

  // A batch is scored this many rows at a time, each layer's values stored output by output (see
  // DenseLayer#forwardColumns): long loops for the JIT's SIMD (256 measured 1.6x faster than 128), and with the
  // default network's 32-wide layer 2 x 32 KiB of buffers per thread that scores batches.
  private static final int BLOCK = 256;
  // Per thread: {a layer's input, its output} (widest columns of BLOCK rows each) and {one row} for an activation that
  // spans a row's outputs. Arrays only, never a class of this application: a pooled server thread outlives a
  // redeployment, and a value whose class came from the old deployment would keep all of its classes loaded.
  private static final ThreadLocal<float[][][]> COLUMN_SCRATCH = new ThreadLocal<>();
  // Fewer rows than this are scored one at a time: by columns, a loop over the rows is too short to pay for its
  // set-up (JMH, the default network: one row 1.64 us by columns against 0.46 alone; four rows 2.1 against 1.8; eight
  // 2.9 against 3.6). Every /predict call is a batch of one. The bits are the same either way.
  private static final int COLUMNS_FROM = 6;

  private final float[] mean;
  private final float[] std;
  private final DenseLayer[] layers;
  private final int widest;

  /**
   * @param mean per input column, subtracted first
   * @param std per input column, divided by after the mean is subtracted (as DL4J's NormalizerStandardize does)
   */
  public DenseNetwork(float[] mean, float[] std, List<DenseLayer> layers) {
    if (layers.isEmpty() || mean.length != std.length || mean.length != layers.get(0).inputs()) {
      throw new IllegalArgumentException("The standardization has " + mean.length + " means and " + std.length
          + " deviations but the network takes " + (layers.isEmpty() ? 0 : layers.get(0).inputs()) + " inputs");
    }
    int widest = mean.length;
    for (int l = 0; l < layers.size(); l++) {
      DenseLayer layer = layers.get(l);
      if (l > 0 && layer.inputs() != layers.get(l - 1).outputs()) {
        throw new IllegalArgumentException("Layer " + l + " takes " + layer.inputs() + " inputs but layer "
            + (l - 1) + " gives " + layers.get(l - 1).outputs());
      }
      widest = Math.max(widest, layer.outputs());
    }
    this.mean = mean.clone();
    this.std = std.clone();
    this.layers = layers.toArray(DenseLayer[]::new);
    this.widest = widest;
  }

  public int inputs() {
    return mean.length;
  }

  public List<DenseLayer> layers() {
    return List.of(layers);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public float score(float[] row) {
    return forward(row, buffers());
  }

  @Override
  public float[] score(float[][] rows) {
    float[] scores = new float[rows.length];
    if (rows.length < COLUMNS_FROM) {
      float[][] buffers = buffers();
      for (int r = 0; r < rows.length; r++) {
        scores[r] = forward(rows[r], buffers);
      }
      return scores;
    }
    float[][][] buffers = columnBuffers();
    for (int first = 0; first < rows.length; first += BLOCK) {
      scoreBlock(rows, first, Math.min(BLOCK, rows.length - first), buffers, scores);
    }
    return scores;
  }

  /** Rows {@code first} to {@code first + count - 1}, through every layer together (DenseLayer#forwardColumns). */
  private void scoreBlock(float[][] rows, int first, int count, float[][][] buffers, float[] scores) {
    float[][] in = buffers[0];
    float[][] out = buffers[1];
    for (int r = 0; r < count; r++) {
      float[] row = rows[first + r];
      checkWidth(row);
      for (int c = 0; c < mean.length; c++) {
        in[c][r] = (row[c] - mean[c]) / std[c];
      }
    }
    for (DenseLayer layer : layers) {
      layer.forwardColumns(in, out, count, buffers[2][0]);
      float[][] swap = in;
      in = out;
      out = swap;
    }
    System.arraycopy(in[layers[layers.length - 1].outputs() - 1], 0, scores, first, count);
  }

  private float forward(float[] row, float[][] buffers) {
    checkWidth(row);
    float[] in = buffers[0];
    float[] out = buffers[1];
    for (int c = 0; c < mean.length; c++) {
      in[c] = (row[c] - mean[c]) / std[c];
    }
    for (DenseLayer layer : layers) {
      layer.forward(in, out);
      float[] swap = in;
      in = out;
      out = swap;
    }
    return in[layers[layers.length - 1].outputs() - 1];
  }

  private void checkWidth(float[] row) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException("A row of " + row.length + " values for a network of " + mean.length
          + " inputs");
    }
  }

  private float[][][] columnBuffers() {
    float[][][] buffers = COLUMN_SCRATCH.get();
    if (buffers == null || buffers[2][0].length < widest) {
      buffers = new float[][][] {new float[widest][BLOCK], new float[widest][BLOCK], {new float[widest]}};
      COLUMN_SCRATCH.set(buffers);
    }
    return buffers;
  }

  private float[][] buffers() {
    float[][] buffers = SCRATCH.get();
    if (buffers == null || buffers[0].length < widest) {
      buffers = new float[][] {new float[widest], new float[widest]};
      SCRATCH.set(buffers);
    }
    return buffers;
  }
}
