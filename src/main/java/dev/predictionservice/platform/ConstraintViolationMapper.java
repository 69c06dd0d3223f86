package dev.predictionservice.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures: 422 validation-failed with one entry per field, sorted for stable output. */
@Provider
@ApplicationScoped
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(fieldOf(v), v.getMessage()))
            .distinct()
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
    return problems.invalid(ProblemType.VALIDATION_FAILED, errors);
  }

  /** The path below the method parameter: {@code predict.arg0.age} becomes {@code age}. */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER) {
        continue;
      }
      if (node.getIndex() != null && field.length() > 0) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (kind == ElementKind.PROPERTY && node.getName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }
}
