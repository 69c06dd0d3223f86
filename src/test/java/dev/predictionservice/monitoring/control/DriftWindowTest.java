package dev.predictionservice.monitoring.control;

import static dev.predictionservice.monitoring.control.DriftFixtures.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Binning of scored rows, and the window sliding by slices. */
class DriftWindowTest {

  private final DriftReference reference = DriftFixtures.reference();

  @Test
  void eachRowFallsInOneBinOfEveryFeatureAnEdgeInTheUpperOne() {
    DriftWindow window = new DriftWindow(reference, 100, 2);

    window.record(new float[][] {row(29, 999, "A"), row(30, 1000, "B"), row(60, 5000, "B"), row(120, 0, "A")},
        new float[] {0.1f, 0.5f, 0.9f, 0.49f});

    // age < 30, [30, 60), >= 60 | income < 1000, >= 1000 | A, B | prediction < 0.5, >= 0.5
    assertArrayEquals(new long[] {1, 1, 2, 2, 2, 2, 2, 2, 2}, window.counts());
    assertEquals(4, new DriftReading(window).rows());
  }

  @Test
  void theWindowKeepsTheLastSlicesAndDropsTheOldest() {
    DriftWindow window = new DriftWindow(reference, 4, 2); // slices of 2 rows; holds 3 to 4 rows

    record(window, 10, 10); // rows 0, 1: first slice
    record(window, 40, 40); // rows 2, 3: second slice
    assertArrayEquals(new long[] {2, 2, 0}, ages(window));

    record(window, 70); // row 4 opens the third slice; the window lets go of the first
    assertArrayEquals(new long[] {0, 2, 1}, ages(window));

    record(window, 70, 70); // row 5 fills it, row 6 opens a fourth slice, dropping the second
    assertArrayEquals(new long[] {0, 0, 3}, ages(window));
    assertEquals(7, window.seen());
    assertEquals(4, window.capacity());
  }

  @Test
  void aWindowNeedsTwoSlicesOfARowAtLeast() {
    assertThrows(IllegalArgumentException.class, () -> new DriftWindow(reference, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new DriftWindow(reference, 2, 3));
  }

  private static void record(DriftWindow window, int... ages) {
    float[][] rows = new float[ages.length][];
    for (int i = 0; i < ages.length; i++) {
      rows[i] = row(ages[i], 0, "A");
    }
    window.record(rows, new float[ages.length]);
  }

  private static long[] ages(DriftWindow window) {
    long[] counts = window.counts();
    return new long[] {counts[0], counts[1], counts[2]};
  }
}
