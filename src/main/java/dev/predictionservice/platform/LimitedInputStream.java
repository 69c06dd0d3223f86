package dev.predictionservice.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails with PayloadTooLargeException (413) once more than {@code max} bytes were read. */
final class LimitedInputStream extends FilterInputStream {

  private final long max;
  private long read;

  LimitedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) {
    read += n;
    if (read > max) {
      throw new PayloadTooLargeException(max);
    }
  }
}
