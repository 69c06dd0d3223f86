package dev.predictionservice.monitoring.control;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The sliding window of one version's live rows, as bin counters: a ring of {@code slices + 1} slots of
 * {@code windowRows / slices} rows each. Rows are numbered by one atomic counter (a batch takes its numbers at once);
 * a row's number picks its slot, and the row that opens a slot's turn empties the slot after it, the oldest, which is
 * the one the ring reuses next. So the window holds the last {@code slices - 1} full slots and the filling one
 * (between {@code windowRows - sliceRows} and {@code windowRows} rows), memory is fixed
 * ({@code (slices + 1) x bins} longs), and recording takes no lock and allocates nothing. A reader sums the slots; it
 * may see a row counted in one feature and not yet in the next.
 */
final class DriftWindow {

  private final DriftReference reference;
  private final long sliceRows;
  private final AtomicLongArray[] slots;
  private final AtomicLong seen = new AtomicLong();

  DriftWindow(DriftReference reference, long windowRows, int slices) {
    if (slices < 2 || windowRows < slices) {
      throw new IllegalArgumentException("a window needs at least 2 slices of at least one row each");
    }
    this.reference = reference;
    this.sliceRows = windowRows / slices;
    this.slots = new AtomicLongArray[slices + 1];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new AtomicLongArray(reference.width());
    }
  }

  DriftReference reference() {
    return reference;
  }

  /** Counts scored rows: {@code rows[i]} encoded, {@code scores[i]} its prediction. */
  void record(float[][] rows, float[] scores) {
    // One atomic add numbers the whole batch (one per row was 2 % of a 1000-row batch's request thread).
    long first = seen.getAndAdd(rows.length);
    for (int i = 0; i < rows.length; i++) {
      reference.count(rows[i], scores[i], slotOf(first + i));
    }
  }

  private AtomicLongArray slotOf(long row) {
    long turn = row / sliceRows;
    if (row % sliceRows == 0) {
      AtomicLongArray oldest = slots[(int) ((turn + 1) % slots.length)];
      for (int i = 0; i < oldest.length(); i++) {
        oldest.set(i, 0);
      }
    }
    return slots[(int) (turn % slots.length)];
  }

  /** Rows counted since the window was made. */
  long seen() {
    return seen.get();
  }

  /** The most rows the window holds. */
  long capacity() {
    return sliceRows * (slots.length - 1);
  }

  /** The counters of every bin summed over the slots: the window now. */
  long[] counts() {
    long[] sum = new long[reference.width()];
    for (AtomicLongArray slot : slots) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += slot.get(i);
      }
    }
    return sum;
  }
}
