package dev.predictionservice.predictions.control;

import dev.predictionservice.models.control.ModelNotLoadedException;
import dev.predictionservice.platform.FieldError;
import dev.predictionservice.platform.InvalidInputException;
import dev.predictionservice.predictions.entity.RowError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The refusals of {@code /predict} (fields named as sent) and {@code /predict/batch} ({@code instances[i].field}). */
public final class PredictErrors implements InputErrors {

  public static final PredictErrors SINGLE = new PredictErrors(false);
  public static final PredictErrors BATCH = new PredictErrors(true);

  private final boolean batch;

  private PredictErrors(boolean batch) {
    this.batch = batch;
  }

  @Override
  public RuntimeException invalidRows(List<RowError> errors) {
    List<FieldError> fields = new ArrayList<>(errors.size());
    for (RowError error : errors) {
      String field = batch ? "instances[" + error.row() + "]." + error.field() : error.field();
      fields.add(new FieldError(field, error.message()));
    }
    return new InvalidInputException(fields);
  }

  @Override
  public RuntimeException tooManyRows(int max, int given) {
    return new InvalidInputException(
        List.of(new FieldError("instances", "must hold at most " + max + " instances, got " + given)));
  }

  @Override
  public RuntimeException versionNotLoaded(String version, Collection<String> loaded) {
    return new ModelNotLoadedException(version, loaded);
  }
}
