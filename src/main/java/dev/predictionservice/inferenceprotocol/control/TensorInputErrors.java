package dev.predictionservice.inferenceprotocol.control;

import dev.predictionservice.predictions.control.InputErrors;
import dev.predictionservice.predictions.entity.RowError;
import java.util.Collection;
import java.util.List;

/** The scoring use case's refusals in the protocol's words: rows are tensor elements, the first one is named. */
final class TensorInputErrors implements InputErrors {

  private final String modelName;

  TensorInputErrors(String modelName) {
    this.modelName = modelName;
  }

  @Override
  public RuntimeException invalidRows(List<RowError> errors) {
    RowError first = errors.get(0);
    return InferenceRequestException.invalid(TensorConverter.at(first.field(), first.row()) + first.message());
  }

  @Override
  public RuntimeException tooManyRows(int max, int given) {
    return InferenceRequestException.invalid("the inputs must hold at most " + max + " rows, got " + given);
  }

  @Override
  public RuntimeException versionNotLoaded(String version, Collection<String> loaded) {
    return InferenceModels.versionNotLoaded(modelName, version, loaded);
  }
}
