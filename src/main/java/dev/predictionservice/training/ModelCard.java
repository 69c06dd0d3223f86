package dev.predictionservice.training;

import dev.predictionservice.models.entity.EvaluationMetrics;
import dev.predictionservice.models.entity.EvaluationMetrics.CalibrationBin;
import dev.predictionservice.models.entity.ModelMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.nd4j.evaluation.curves.RocCurve;

/** Writes the model card: {@code model-card.md} with a ROC curve and a calibration plot as PNG images. */
final class ModelCard {

  private ModelCard() {}

  static Path write(Path dir, ModelMetadata metadata, RocCurve roc) throws IOException {
    Files.createDirectories(dir);
    EvaluationMetrics m = metadata.metrics();
    BitmapEncoder.saveBitmap(rocChart(roc, m.auc()), dir.resolve("roc.png").toString(), BitmapFormat.PNG);
    BitmapEncoder.saveBitmap(calibrationChart(m), dir.resolve("calibration.png").toString(), BitmapFormat.PNG);
    Path card = dir.resolve("model-card.md");
    Files.writeString(card, markdown(metadata), StandardCharsets.UTF_8);
    return card;
  }

  private static XYChart rocChart(RocCurve roc, double auc) {
    XYChart chart = new XYChartBuilder().width(560).height(460).title(String.format(Locale.ROOT, "ROC (AUC %.4f)", auc))
        .xAxisTitle("False positive rate").yAxisTitle("True positive rate").build();
    chart.getStyler().setMarkerSize(0).setLegendVisible(false);
    double[] fpr = toDouble(roc.getFpr());
    double[] tpr = toDouble(roc.getTpr());
    chart.addSeries("model", fpr, tpr);
    chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
    return chart;
  }

  private static XYChart calibrationChart(EvaluationMetrics m) {
    XYChart chart = new XYChartBuilder().width(560).height(460).title("Calibration by decile")
        .xAxisTitle("Mean predicted probability").yAxisTitle("Observed positive rate").build();
    chart.getStyler().setLegendVisible(false);
    double[] x = m.calibration().stream().mapToDouble(CalibrationBin::meanPredicted).toArray();
    double[] y = m.calibration().stream().mapToDouble(CalibrationBin::observedRate).toArray();
    chart.addSeries("model", x, y).setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    chart.addSeries("perfect", new double[] {0, 1}, new double[] {0, 1}).setMarker(
        org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    return chart;
  }

  private static double[] toDouble(double[] values) {
    // The curve can be long (exact ROC); thin it to at most ~2000 points for the plot.
    int step = Math.max(1, values.length / 2000);
    double[] out = new double[(values.length + step - 1) / step];
    for (int i = 0, j = 0; i < values.length; i += step, j++) {
      out[j] = values[i];
    }
    return out;
  }

  static String markdown(ModelMetadata md) {
    EvaluationMetrics m = md.metrics();
    StringBuilder s = new StringBuilder();
    s.append("# Model card: ").append(md.version()).append("\n\n");
    s.append("- Created: ").append(md.created()).append('\n');
    s.append("- Data: ").append(md.dataSource()).append('\n');
    s.append("- Seed: ").append(md.seed()).append('\n');
    s.append("- Hyper-parameters: ").append(md.hyperParameters()).append('\n');
    s.append("- Inputs: age (0..120), income (>= 0), category (one of ")
        .append(String.join(", ", md.schema().categories())).append(")\n");
    s.append("- Output: probability of the positive class\n\n");
    s.append("## Evaluation on the held-out split (").append(m.testRows()).append(" rows)\n\n");
    s.append("| metric | value |\n|---|---|\n");
    s.append(row("AUC", m.auc()));
    if (!Double.isNaN(m.bestAuc())) {
      s.append(row("best achievable AUC (true probabilities)", m.bestAuc()));
    }
    s.append(row("log-loss", m.logLoss())).append(row("accuracy (threshold 0.5)", m.accuracy())).append('\n');
    s.append("![ROC curve](roc.png)\n\n## Calibration by decile\n\n");
    s.append("| predicted | rows | mean predicted | observed rate |\n|---|---|---|---|\n");
    for (CalibrationBin b : m.calibration()) {
      s.append(String.format(Locale.ROOT, "| %.1f-%.1f | %d | %.3f | %.3f |%n", b.lower(), b.upper(), b.count(),
          b.meanPredicted(), b.observedRate()));
    }
    s.append("\n![Calibration plot](calibration.png)\n\n## Training data\n\n");
    var st = md.trainingStats();
    s.append(String.format(Locale.ROOT, "- Rows: %d, positive rate %.3f%n", st.rows(), st.positiveRate()));
    s.append(String.format(Locale.ROOT, "- Age: mean %.1f, sd %.1f, range %.0f..%.0f%n", st.age().mean(),
        st.age().std(), st.age().min(), st.age().max()));
    s.append(String.format(Locale.ROOT, "- Income: mean %.0f, sd %.0f, range %.0f..%.0f%n", st.income().mean(),
        st.income().std(), st.income().min(), st.income().max()));
    s.append("- Category shares: ").append(st.categoryShares()).append("\n\n");
    s.append("## Limits\n\nThe model only knows the ranges above; inputs far outside the training ranges are"
        + " extrapolation. Watch the prediction metrics for drift against these statistics.\n");
    return s.toString();
  }

  private static String row(String name, double value) {
    return String.format(Locale.ROOT, "| %s | %.4f |%n", name, value);
  }
}
