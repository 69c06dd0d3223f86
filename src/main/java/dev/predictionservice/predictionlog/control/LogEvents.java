package dev.predictionservice.predictionlog.control;

/** What the writer counts; the CDI implementation turns these into metrics. */
public interface LogEvents {

  void accepted(int rows);

  void written(int rows);

  void spooled(int rows);

  void replayed(int rows);

  void dropped(int rows);
}
