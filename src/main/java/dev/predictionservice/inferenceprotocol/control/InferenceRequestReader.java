package dev.predictionservice.inferenceprotocol.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.inferenceprotocol.entity.InferenceRequest;
import dev.predictionservice.inferenceprotocol.entity.RequestInput;
import dev.predictionservice.inferenceprotocol.entity.RequestOutput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an inference request from its JSON tree, checking its structure by hand: the protocol's errors must be
 * {@code {"error": ...}} naming what is wrong, which Jackson's data binding errors would not give.
 */
final class InferenceRequestReader {

  private static final Set<String> REQUEST_FIELDS = Set.of("id", "parameters", "inputs", "outputs");
  private static final Set<String> INPUT_FIELDS = Set.of("name", "shape", "datatype", "parameters", "data");
  private static final Set<String> OUTPUT_FIELDS = Set.of("name", "parameters");

  private InferenceRequestReader() {}

  static InferenceRequest read(JsonNode body) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      throw invalid("a JSON body is required");
    }
    checkObject(body, "the request", REQUEST_FIELDS);
    JsonNode id = body.get("id");
    if (id != null && !id.isTextual()) {
      throw invalid("'id' must be a string");
    }
    JsonNode inputs = requireArray(body, "inputs", "the request");
    List<RequestInput> readInputs = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      readInputs.add(input(inputs.get(i), "inputs[" + i + "]"));
    }
    List<RequestOutput> readOutputs = null;
    if (body.has("outputs")) {
      JsonNode outputs = requireArray(body, "outputs", "the request");
      readOutputs = new ArrayList<>(outputs.size());
      for (int i = 0; i < outputs.size(); i++) {
        String where = "outputs[" + i + "]";
        checkObject(outputs.get(i), where, OUTPUT_FIELDS);
        readOutputs.add(
            new RequestOutput(requireText(outputs.get(i), "name", where), parameters(outputs.get(i), where)));
      }
    }
    return new InferenceRequest(id == null ? null : id.asText(), parameters(body, "the request"), readInputs,
        readOutputs);
  }

  private static RequestInput input(JsonNode input, String where) {
    checkObject(input, where, INPUT_FIELDS);
    String name = requireText(input, "name", where);
    String what = "input '" + name + "'";
    JsonNode shape = requireArray(input, "shape", what);
    List<Long> dims = new ArrayList<>(shape.size());
    for (JsonNode dim : shape) {
      if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.asLong() < 0) {
        throw invalid(what + ": 'shape' must hold non-negative integers, got " + shape);
      }
      dims.add(dim.asLong());
    }
    String datatype = requireText(input, "datatype", what);
    JsonNode data = requireArray(input, "data", what);
    return new RequestInput(name, dims, datatype, parameters(input, what), data);
  }

  /** Parameters are {@code name: string | number | boolean} (spec, "Parameters"). */
  private static Map<String, Object> parameters(JsonNode parent, String where) {
    JsonNode parameters = parent.get("parameters");
    if (parameters == null) {
      return null;
    }
    if (!parameters.isObject()) {
      throw invalid(where + ": 'parameters' must be an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> parameter = it.next();
      JsonNode value = parameter.getValue();
      if (value.isTextual()) {
        values.put(parameter.getKey(), value.asText());
      } else if (value.isNumber()) {
        values.put(parameter.getKey(), value.numberValue());
      } else if (value.isBoolean()) {
        values.put(parameter.getKey(), value.asBoolean());
      } else {
        throw invalid(where + ": parameter '" + parameter.getKey() + "' must be a string, number or boolean");
      }
    }
    return values;
  }

  private static void checkObject(JsonNode node, String where, Set<String> known) {
    if (!node.isObject()) {
      throw invalid(where + " must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(where + ": unknown field '" + name + "'");
      }
    }
  }

  private static JsonNode requireArray(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw invalid(where + ": '" + field + "' is required");
    }
    if (!value.isArray()) {
      throw invalid(where + ": '" + field + "' must be an array");
    }
    return value;
  }

  private static String requireText(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw invalid(where + ": '" + field + "' is required");
    }
    if (!value.isTextual()) {
      throw invalid(where + ": '" + field + "' must be a string");
    }
    return value.asText();
  }

  private static InferenceRequestException invalid(String message) {
    return InferenceRequestException.invalid(message);
  }
}
