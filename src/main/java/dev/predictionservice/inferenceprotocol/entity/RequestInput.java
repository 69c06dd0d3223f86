package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One input tensor of an inference request. {@code data} stays a JSON tree: it may be flat or nested, and only the
 * shape and datatype say how to read it.
 */
@Schema(name = "request_input", description = "An input tensor.")
public record RequestInput(
    @Schema(required = true, enumeration = {"age", "income", "category"}) String name,
    @Schema(required = true, example = "[2]") List<Long> shape,
    @Schema(required = true, example = "INT64",
        description = "age: INT8..INT64, UINT8..UINT64, FP32, FP64 (whole values); income: the same; category: BYTES")
        String datatype,
    @Schema(type = SchemaType.OBJECT, description = "Accepted and ignored.") Map<String, Object> parameters,
    @Schema(required = true, example = "[35, 62]") JsonNode data) {

  public RequestInput {
    shape = List.copyOf(shape);
    parameters = parameters == null ? null : Map.copyOf(parameters);
  }
}
