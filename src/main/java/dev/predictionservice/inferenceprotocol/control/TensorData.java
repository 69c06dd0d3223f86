package dev.predictionservice.inferenceprotocol.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.inferenceprotocol.entity.RequestInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a tensor's {@code data} in row-major order. The spec allows the flat form and the nested form;
 * a nested one must match the shape at every level, anything else is ragged.
 */
final class TensorData {

  private TensorData() {}

  static List<JsonNode> flatten(RequestInput input) {
    JsonNode data = input.data();
    long size = 1;
    for (long dim : input.shape()) {
      size *= dim;
    }
    boolean nested = false;
    for (JsonNode element : data) {
      nested |= element.isArray();
    }
    List<JsonNode> values = new ArrayList<>(data.size());
    if (!nested) {
      if (data.size() != size) {
        throw InferenceRequestException.invalid("input '" + input.name() + "': 'data' has " + data.size()
            + " values but shape " + input.shape() + " needs " + size);
      }
      data.forEach(values::add);
      return values;
    }
    collect(input, data, 0, values);
    return values;
  }

  private static void collect(RequestInput input, JsonNode node, int depth, List<JsonNode> values) {
    List<Long> shape = input.shape();
    if (depth == shape.size()) {
      if (node.isArray()) {
        throw ragged(input);
      }
      values.add(node);
      return;
    }
    if (!node.isArray() || node.size() != shape.get(depth)) {
      throw ragged(input);
    }
    for (JsonNode child : node) {
      collect(input, child, depth + 1, values);
    }
  }

  private static InferenceRequestException ragged(RequestInput input) {
    return InferenceRequestException.invalid("input '" + input.name() + "': nested 'data' is ragged or does not"
        + " match shape " + input.shape());
  }
}
