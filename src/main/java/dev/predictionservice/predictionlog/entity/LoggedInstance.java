package dev.predictionservice.predictionlog.entity;

/**
 * The input features of one scored instance, as the prediction log records them. A scoring component's request type
 * implements it, so the log takes what was scored as it is (no copy per row) and imports no scoring component.
 */
public interface LoggedInstance {

  Integer age();

  Double income();

  String category();
}
