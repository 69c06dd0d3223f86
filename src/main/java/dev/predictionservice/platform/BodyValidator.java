package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation of a request body, once. Resources call it instead of {@code @NotNull @Valid} on the parameter:
 * with the annotations, Liberty validated the body twice (RESTEasy's method validation, then Hibernate Validator's
 * CDI interceptor on the resource bean), each pass allocating its own context. Same constraints, same messages and
 * field names (ConstraintViolationMapper), same 422. A body that is a {@link ConstraintShortcut} and vouches for itself
 * skips the Validator (see there).
 */
@ApplicationScoped
public class BodyValidator {

  @Inject Validator validator;

  /**
   * @param missing the message for a missing body (reported as field {@code body})
   * @return the body, valid
   */
  public <T> T valid(T body, String missing) {
    if (body == null) {
      throw new InvalidInputException(List.of(new FieldError("body", missing)));
    }
    if (body instanceof ConstraintShortcut shortcut && shortcut.satisfiesConstraints()) {
      return body;
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
