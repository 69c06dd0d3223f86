package dev.predictionservice.inferenceprotocol.entity;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An output the caller asks for; this model has one, {@code prediction}. */
@Schema(name = "request_output", description = "A requested output.")
public record RequestOutput(
    @Schema(required = true, enumeration = {"prediction"}) String name,
    @Schema(type = SchemaType.OBJECT, description = "Returned on the response output.")
        Map<String, Object> parameters) {

  public RequestOutput {
    parameters = parameters == null ? null : Map.copyOf(parameters);
  }
}
