package dev.predictionservice.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The agreement arithmetic, on scores that are exact in binary (no result depends on rounding). */
class AgreementTest {

  @Test
  void sumsTheAbsoluteDifferencesAndCountsTheDecisionsThatFlipAtOneHalf() {
    Agreement agreement = Agreement.of(new float[] {0.25f, 0.75f, 0.5f, 0.125f},
        new float[] {0.5f, 0.25f, 0.5f, 0.375f});

    assertEquals(4, agreement.rows());
    assertEquals(1.0, agreement.absoluteDifference());
    assertEquals(2, agreement.flips(), "0.25 -> 0.5 and 0.75 -> 0.25 cross 0.5; 0.5 = 0.5 and 0.125 -> 0.375 do not");
  }

  @Test
  void identicalScoresAgreeFully() {
    Agreement agreement = Agreement.of(new float[] {0.5f, 0.0625f}, new float[] {0.5f, 0.0625f});
    assertEquals(new Agreement(2, 0.0, 0), agreement);
  }

  @Test
  void scoresOfDifferentLengthsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Agreement.of(new float[1], new float[2]));
  }
}
