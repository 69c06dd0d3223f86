package dev.predictionservice.inferenceprotocol.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outputs of one inference request and the model version that computed them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "inference_response",
    description = "Open Inference Protocol inference response.",
    example = "{\"model_name\":\"prediction-model\",\"model_version\":\"m-3f9a1c2b7d4e\",\"id\":\"42\","
        + "\"outputs\":[{\"name\":\"prediction\",\"shape\":[2],\"datatype\":\"FP32\",\"data\":[0.8512,0.1377]}]}")
public record InferenceResponse(
    @Schema(name = "model_name", required = true) @JsonProperty("model_name") String modelName,
    @Schema(name = "model_version") @JsonProperty("model_version") String modelVersion,
    @Schema(description = "The request's id, when it sent one.") String id,
    @Schema(type = SchemaType.OBJECT, description = "The request's parameters, when it sent any.")
        Map<String, Object> parameters,
    @Schema(required = true) List<ResponseOutput> outputs) {

  public InferenceResponse {
    parameters = parameters == null ? null : Map.copyOf(parameters);
    outputs = List.copyOf(outputs);
  }
}
