package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code prediction} output: FP32 probabilities of the positive class, one per row. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "response_output", description = "An output tensor.")
public record ResponseOutput(
    @Schema(required = true, example = "prediction") String name,
    @Schema(required = true, example = "[2]") List<Long> shape,
    @Schema(required = true, example = "FP32") String datatype,
    @Schema(type = SchemaType.OBJECT, description = "The parameters of the requested output, if any.")
        Map<String, Object> parameters,
    @Schema(required = true, example = "[0.8512, 0.1377]") List<Float> data) {

  public ResponseOutput {
    shape = List.copyOf(shape);
    parameters = parameters == null ? null : Map.copyOf(parameters);
    data = List.copyOf(data);
  }
}
