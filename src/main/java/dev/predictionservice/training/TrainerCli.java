package dev.predictionservice.training;

import dev.predictionservice.models.control.ModelBundleFiles;
import dev.predictionservice.models.entity.EvaluationMetrics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The trainer's command line.
 *
 * <pre>
 * TrainerCli --out model.bundle [--card DIR] [--csv FILE] [--seed 42] [--rows 20000] [--epochs 25]
 *            [--categories A,B,C,D] [--version NAME] [--expect BUNDLE]
 * </pre>
 *
 * {@code --expect} compares the evaluation with that of a bundle trained before (the committed default model):
 * DL4J training is not bit-reproducible across CPUs, so the build checks that retraining still reaches the same
 * quality, within {@link QualityCheck}'s tolerances, rather than the same bits.
 *
 * <p>Exit codes: 0 trained, 2 bad arguments or bad data (the message names the line), 3 the quality differs from
 * {@code --expect}'s, 1 anything else.
 */
public final class TrainerCli {

  static {
    // One line per message, set before the first logger exists (a -D on the command line wins).
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
    }
  }

  private static final Logger LOG = Logger.getLogger(TrainerCli.class.getName());

  private TrainerCli() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the trainer; returns the exit code instead of exiting, for tests. */
  public static int run(String[] args) {
    TrainerArguments arguments;
    try {
      arguments = TrainerArguments.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.severe(e.getMessage() + "\n" + TrainerArguments.USAGE);
      return 2;
    }
    try {
      List<TrainingRow> rows;
      String source;
      if (arguments.csv() != null) {
        rows = CsvDataset.read(arguments.csv(), arguments.categories());
        source = "CSV " + arguments.csv().getFileName() + " (" + rows.size() + " rows)";
      } else {
        rows = SyntheticDataset.generate(arguments.options().seed(), arguments.rows());
        source = "generated, seed " + arguments.options().seed() + ", " + rows.size() + " rows";
      }
      TrainingPipeline.Outcome outcome =
          TrainingPipeline.run(rows, arguments.categories(), arguments.options(), source, arguments.version());
      TrainingPipeline.write(outcome, arguments.out(), arguments.card());
      EvaluationMetrics m = outcome.evaluation().metrics();
      LOG.info(String.format(Locale.ROOT,
          "Model %s written to %s: AUC %.4f (best achievable %.4f), log-loss %.4f, accuracy %.4f%s",
          outcome.bundle().version(), arguments.out(), m.auc(), m.bestAuc(), m.logLoss(), m.accuracy(),
          arguments.card() == null ? "" : "; model card in " + arguments.card()));
      if (arguments.expect() != null) {
        String verdict = QualityCheck.compare(m, ModelBundleFiles.read(arguments.expect()).metadata().metrics());
        if (verdict != null) {
          LOG.severe("Retraining does not reach the quality of " + arguments.expect() + ": " + verdict);
          return 3;
        }
        LOG.info("Retraining reaches the quality of " + arguments.expect() + " within the tolerances");
      }
      return 0;
    } catch (DatasetException e) {
      LOG.severe(e.getMessage());
      return 2;
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Training failed: " + e, e);
      return 1;
    }
  }

  /** Parsed command line. */
  record TrainerArguments(
      Path out, Path card, Path csv, int rows, TrainingOptions options, List<String> categories, String version,
      Path expect) {

    static final String USAGE =
        "usage: TrainerCli --out FILE [--card DIR] [--csv FILE] [--seed N] [--rows N] [--epochs N]"
            + " [--categories A,B,C,D] [--version NAME] [--expect BUNDLE]";

    static TrainerArguments parse(String[] args) {
      Path out = null;
      Path card = null;
      Path csv = null;
      int rows = 20_000;
      long seed = 42;
      Integer epochs = null;
      List<String> categories = SyntheticDataset.CATEGORIES;
      String version = null;
      Path expect = null;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + name);
        }
        String value = args[++i];
        switch (name) {
          case "--out" -> out = Path.of(value);
          case "--card" -> card = Path.of(value);
          case "--csv" -> csv = Path.of(value);
          case "--rows" -> rows = positive(name, value);
          case "--seed" -> seed = number(name, value);
          case "--epochs" -> epochs = positive(name, value);
          case "--categories" -> categories = Arrays.stream(value.split(",")).map(String::trim).toList();
          case "--version" -> version = value;
          case "--expect" -> expect = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out is required");
      }
      TrainingOptions options = TrainingOptions.defaults(seed);
      if (epochs != null) {
        options = options.withEpochs(epochs);
      }
      return new TrainerArguments(out, card, csv, rows, options, categories, version, expect);
    }

    private static long number(String name, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
      }
    }

    private static int positive(String name, String value) {
      long n = number(name, value);
      if (n < 1 || n > 10_000_000) {
        throw new IllegalArgumentException(name + " must be between 1 and 10000000, got " + n);
      }
      return (int) n;
    }
  }
}
