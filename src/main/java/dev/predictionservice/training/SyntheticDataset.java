package dev.predictionservice.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic tabular data set: age 18..90, income 0..250000, category A..D, and a label drawn from a known
 * non-linear logistic function of them (the draw is the noise). The same seed gives the same rows.
 */
public final class SyntheticDataset {

  public static final List<String> CATEGORIES = List.of("A", "B", "C", "D");
  private static final double[] CATEGORY_SHARES = {0.35, 0.30, 0.20, 0.15};
  private static final double[] CATEGORY_EFFECT = {0.6, 0.0, -0.8, 1.1};

  private SyntheticDataset() {}

  public static List<TrainingRow> generate(long seed, int rows) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TrainingRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      int age = 18 + random.nextInt(73);
      // Log-normal around 55k, clipped to the range, as incomes are.
      double income = Math.min(250_000, Math.max(0, Math.exp(10.9 + 0.6 * gaussian(random))));
      income = Math.round(income);
      int category = pick(random.nextDouble());
      double p = trueProbability(age, income, CATEGORIES.get(category));
      int label = random.nextDouble() < p ? 1 : 0;
      data.add(new TrainingRow(age, income, CATEGORIES.get(category), label, p));
    }
    return data;
  }

  /** The true probability of a positive label: a bump in age, a saturating income effect, a per-category shift. */
  public static double trueProbability(double age, double income, String category) {
    double ageTerm = 0.9 - Math.pow((age - 45) / 18.0, 2);
    double incomeTerm = 1.6 * Math.tanh((income - 60_000) / 40_000);
    double logit = -0.4 + ageTerm + incomeTerm + CATEGORY_EFFECT[CATEGORIES.indexOf(category)];
    return 1 / (1 + Math.exp(-logit));
  }

  private static int pick(double u) {
    double cumulative = 0;
    for (int i = 0; i < CATEGORY_SHARES.length; i++) {
      cumulative += CATEGORY_SHARES[i];
      if (u < cumulative) {
        return i;
      }
    }
    return CATEGORY_SHARES.length - 1;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
