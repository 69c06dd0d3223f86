package dev.predictionservice.inferenceprotocol.entity;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /v2/models/{name}[/versions/{version}]/infer}: one tensor per feature, one row per instance. */
@Schema(
    name = "inference_request",
    description = "Inputs age, income and category, each of shape [n] (or [n, 1]); n rows are scored.",
    example = "{\"id\":\"42\",\"inputs\":["
        + "{\"name\":\"age\",\"shape\":[2],\"datatype\":\"INT64\",\"data\":[35,62]},"
        + "{\"name\":\"income\",\"shape\":[2],\"datatype\":\"FP64\",\"data\":[50000,120000]},"
        + "{\"name\":\"category\",\"shape\":[2],\"datatype\":\"BYTES\",\"data\":[\"A\",\"C\"]}]}")
public record InferenceRequest(
    @Schema(description = "Echoed in the response.") String id,
    @Schema(type = SchemaType.OBJECT, description = "Returned in the response's parameters.")
        Map<String, Object> parameters,
    @Schema(required = true) List<RequestInput> inputs,
    @Schema(description = "Outputs to return; all when absent.") List<RequestOutput> outputs) {

  public InferenceRequest {
    parameters = parameters == null ? null : Map.copyOf(parameters);
    inputs = List.copyOf(inputs);
    outputs = outputs == null ? null : List.copyOf(outputs);
  }
}
