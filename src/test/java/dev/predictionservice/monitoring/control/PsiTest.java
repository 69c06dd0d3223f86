package dev.predictionservice.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The PSI arithmetic against values worked out by hand (ln 2 = 0.693147, ln 1.5 = 0.405465, ln 1e-3 = -6.907755). */
class PsiTest {

  @Test
  void theSameSharesHaveNoDrift() {
    assertEquals(0.0, Psi.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5}), 1e-15);
  }

  @Test
  void twoBinsMovedByAQuarter() {
    // (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5) = 0.25 ln 2 + 0.25 ln 1.5 = 0.274653
    assertEquals(0.274653, Psi.of(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}), 1e-6);
  }

  @Test
  void anEmptyLiveBinCountsAsEpsilon() {
    // (1 - 0.5) ln 2 + (1e-4 - 0.5) ln(1e-4 / 0.5) = 0.346574 + 0.4999 * 8.517193 = 4.604318
    assertEquals(4.604318, Psi.of(new double[] {0.5, 0.5}, new double[] {1.0, 0.0}), 1e-6);
  }

  @Test
  void decilesShiftedUpwardByTwoBins() {
    // Two bins doubled (0.1 -> 0.2), two emptied (0.1 -> 0): 2 * 0.1 ln 2 + 2 * 0.0999 * 6.907755 = 1.518799
    double[] training = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    double[] live = {0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.0, 0.0};

    assertEquals(1.518799, Psi.of(training, live), 1e-6);
  }

  @Test
  void binsEmptyOnBothSidesAddNothing() {
    assertEquals(0.274653, Psi.of(new double[] {0.5, 0, 0.5}, new double[] {0.25, 0, 0.75}), 1e-6);
  }

  @Test
  void binCountsMustAgree() {
    assertThrows(IllegalArgumentException.class, () -> Psi.of(new double[] {1}, new double[] {0.5, 0.5}));
  }
}
