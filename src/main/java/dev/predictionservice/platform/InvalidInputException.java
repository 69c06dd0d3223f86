package dev.predictionservice.platform;

import java.util.List;

/** Input that is well-formed but breaks a rule only the application knows (an unknown category, a batch too large). */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
