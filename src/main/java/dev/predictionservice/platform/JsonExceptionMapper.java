package dev.predictionservice.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Malformed JSON (400 malformed-json) and JSON of the wrong shape (400 invalid-json-field, naming the field). */
@Provider
@ApplicationScoped
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(JsonProcessingException e) {
    // Jackson wraps what the body stream throws, so a body cut off at the size limit arrives here.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
      }
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return problems.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON: " + e.getOriginalMessage());
    }
    if (mapping.getPath().isEmpty()) {
      // Jackson's message would name Java classes here; say what the client must send instead.
      return problems.of(ProblemType.MALFORMED_JSON, "The body must be a JSON object");
    }
    String field = JsonPaths.of(mapping.getPath());
    return problems.invalid(ProblemType.INVALID_JSON_FIELD, List.of(new FieldError(field, reason(mapping))));
  }

  private static String reason(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (e instanceof InvalidFormatException format) {
      return "must be of type " + typeName(format.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be of type " + typeName(mismatch.getTargetType());
    }
    return "has the wrong type";
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "integer";
    }
    if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
      return "number";
    }
    if (type == String.class) {
      return "string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "array";
    }
    return "object";
  }
}
