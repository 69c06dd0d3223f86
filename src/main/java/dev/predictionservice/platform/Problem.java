package dev.predictionservice.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details.",
    example =
        "{\"type\":\"/problems/validation-failed\",\"title\":\"Invalid field\",\"status\":422,"
            + "\"detail\":\"age: must be between 0 and 120\",\"requestId\":\"3d1c...\","
            + "\"errors\":[{\"field\":\"age\",\"message\":\"must be between 0 and 120\"}]}")
public record Problem(
    String type, String title, int status, String detail, String requestId, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? null : List.copyOf(errors);
  }
}
