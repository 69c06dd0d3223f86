package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.predictionservice.models.entity.FeatureStats.Bins;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decile edges and shares of training columns, and the bin a value falls in. */
class DecileBinsTest {

  @Test
  void distinctValuesGiveTenEqualBins() {
    double[] values = new double[100];
    for (int i = 0; i < values.length; i++) {
      values[99 - i] = i + 1; // 100 .. 1: the order does not matter
    }

    Bins bins = DecileBins.of(values);

    assertEquals(List.of(11.0, 21.0, 31.0, 41.0, 51.0, 61.0, 71.0, 81.0, 91.0), bins.edges());
    assertEquals(List.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), bins.shares());
  }

  @Test
  void tiedValuesMergeBinsAndCountTheirShares() {
    double[] values = new double[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 70 ? 1 : 2; // the deciles are 1 (six times) and 2 (three times)
    }

    Bins bins = DecileBins.of(values);

    assertEquals(List.of(2.0), bins.edges());
    assertEquals(List.of(0.7, 0.3), bins.shares());
  }

  @Test
  void aValueOnAnEdgeBelongsToTheBinAboveIt() {
    double[] edges = {30, 60};

    assertEquals(0, Bins.binOf(edges, 29.999));
    assertEquals(1, Bins.binOf(edges, 30));
    assertEquals(1, Bins.binOf(edges, 59));
    assertEquals(2, Bins.binOf(edges, 60));
    assertEquals(2, Bins.binOf(edges, 1e9));
    assertEquals(0, Bins.binOf(new double[0], 5));
  }

  @Test
  void binsNeedOneShareMoreThanEdgesAndSomeValues() {
    assertThrows(IllegalArgumentException.class, () -> new Bins(List.of(1.0), List.of(1.0)));
    assertThrows(IllegalArgumentException.class, () -> DecileBins.of(new double[0]));
  }
}
