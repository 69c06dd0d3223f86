package dev.predictionservice.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

/**
 * Malformed JSON (400 malformed-json) and JSON of the wrong shape (400 invalid-json-field, naming the field). Jackson's
 * own messages are shown only for plain syntax errors; those that name its classes or settings are said in our words.
 */
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
    if (e instanceof StreamConstraintsException) {
      return problems.of(ProblemType.MALFORMED_JSON, tooLarge(e));
    }
    String duplicate = duplicateKey(e);
    if (duplicate != null) {
      return problems.invalid(ProblemType.INVALID_JSON_FIELD,
          List.of(new FieldError(duplicate, "is a duplicate key: give each key once")));
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

  private static String tooLarge(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      int max = JsonProvider.MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth();
      return "The body is nested too deeply: at most " + max + " levels of arrays and objects";
    }
    return "The body holds a number, string or key that is too long";
  }

  /** The key that the parser found twice in one object (STRICT_DUPLICATE_DETECTION), else null. */
  private static String duplicateKey(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    String prefix = "Duplicate field '";
    if (e instanceof JsonParseException && message != null && message.startsWith(prefix) && message.endsWith("'")) {
      return message.substring(prefix.length(), message.length() - 1);
    }
    return null;
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
