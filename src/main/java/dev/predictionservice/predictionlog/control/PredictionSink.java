package dev.predictionservice.predictionlog.control;

import dev.predictionservice.predictionlog.entity.PredictionRecord;
import java.util.List;

/** Where the writer puts batches: the database in production, a fake in unit tests. Must be idempotent. */
public interface PredictionSink {

  /** Writes the batch completely or throws; writing a record twice must leave one row. */
  void write(List<PredictionRecord> batch) throws Exception;
}
