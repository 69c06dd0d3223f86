package dev.predictionservice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {

  @Test
  void sameSeedSameRows() {
    assertEquals(SyntheticDataset.generate(1, 500), SyntheticDataset.generate(1, 500));
    assertNotEquals(SyntheticDataset.generate(1, 500), SyntheticDataset.generate(2, 500));
  }

  @Test
  void rowsStayInTheirRanges() {
    List<TrainingRow> rows = SyntheticDataset.generate(3, 5000);
    for (TrainingRow row : rows) {
      assertTrue(row.age() >= 18 && row.age() <= 90, "age " + row.age());
      assertTrue(row.income() >= 0 && row.income() <= 250_000, "income " + row.income());
      assertTrue(SyntheticDataset.CATEGORIES.contains(row.category()));
      assertTrue(row.label() == 0 || row.label() == 1);
      assertTrue(row.trueProbability() > 0 && row.trueProbability() < 1);
    }
    double positives = rows.stream().mapToInt(TrainingRow::label).average().orElseThrow();
    assertTrue(positives > 0.2 && positives < 0.8, "balanced enough to learn: " + positives);
  }

  @Test
  void labelFollowsTheKnownFunction() {
    // Middle-aged, high income, category D: very likely; old, poor, category C: unlikely.
    assertTrue(SyntheticDataset.trueProbability(45, 200_000, "D") > 0.9);
    assertTrue(SyntheticDataset.trueProbability(88, 5_000, "C") < 0.05);
  }
}
