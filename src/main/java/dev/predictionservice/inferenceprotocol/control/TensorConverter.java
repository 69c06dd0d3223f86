package dev.predictionservice.inferenceprotocol.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.models.entity.FeatureSchema;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.inferenceprotocol.entity.RequestInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the three input tensors of an inference request into one {@link PredictionRequest} per row, so that /v2 is
 * scored, validated and logged exactly like /predict. It accepts only what converts without loss: whole numbers
 * for age, numbers for income, strings (BYTES) for category.
 */
final class TensorConverter {

  static final String AGE = "age";
  static final String INCOME = "income";
  static final String CATEGORY = "category";
  static final List<String> INPUTS = List.of(AGE, INCOME, CATEGORY);

  private TensorConverter() {}

  static List<PredictionRequest> toInstances(List<RequestInput> inputs) {
    Map<String, RequestInput> byName = new LinkedHashMap<>();
    for (RequestInput input : inputs) {
      if (!INPUTS.contains(input.name())) {
        throw invalid("unknown input '" + input.name() + "'; this model takes age, income and category");
      }
      if (byName.putIfAbsent(input.name(), input) != null) {
        throw invalid("input '" + input.name() + "' is given more than once");
      }
    }
    for (String name : INPUTS) {
      if (!byName.containsKey(name)) {
        throw invalid("missing input '" + name + "'");
      }
    }
    int rows = rows(byName.get(AGE));
    for (String name : INPUTS) {
      if (rows(byName.get(name)) != rows) {
        throw invalid("the inputs must have the same number of rows: 'age' has " + rows + ", '" + name + "' has "
            + rows(byName.get(name)));
      }
    }
    if (rows == 0) {
      throw invalid("the inputs hold no rows");
    }
    List<JsonNode> ages = TensorData.flatten(byName.get(AGE));
    List<JsonNode> incomes = TensorData.flatten(byName.get(INCOME));
    List<JsonNode> categories = TensorData.flatten(byName.get(CATEGORY));
    TensorDatatype ageType = numericType(byName.get(AGE));
    TensorDatatype incomeType = numericType(byName.get(INCOME));
    bytesType(byName.get(CATEGORY));
    List<PredictionRequest> instances = new ArrayList<>(rows);
    for (int row = 0; row < rows; row++) {
      instances.add(new PredictionRequest(age(ages.get(row), ageType, row),
          number(incomes.get(row), incomeType, INCOME, row), category(categories.get(row), row)));
    }
    return instances;
  }

  /** One value per row: shape {@code [n]}, or {@code [n, 1]} as column-vector clients send it. */
  private static int rows(RequestInput input) {
    List<Long> shape = input.shape();
    if ((shape.size() == 1 || shape.size() == 2 && shape.get(1) == 1) && shape.get(0) <= Integer.MAX_VALUE) {
      return shape.get(0).intValue();
    }
    throw invalid("input '" + input.name() + "': shape must be [n] or [n, 1] (one value per row), got " + shape);
  }

  private static TensorDatatype numericType(RequestInput input) {
    TensorDatatype type = datatype(input);
    if (!type.isNumeric()) {
      throw invalid("input '" + input.name() + "': datatype must be one of INT8, INT16, INT32, INT64, UINT8, UINT16,"
          + " UINT32, UINT64, FP32, FP64; got " + type);
    }
    return type;
  }

  private static void bytesType(RequestInput input) {
    if (datatype(input) != TensorDatatype.BYTES) {
      throw invalid("input '" + input.name() + "': datatype must be BYTES, got " + input.datatype());
    }
  }

  private static TensorDatatype datatype(RequestInput input) {
    return TensorDatatype.of(input.datatype()).orElseThrow(
        () -> invalid("input '" + input.name() + "': unknown datatype '" + input.datatype() + "'"));
  }

  private static Integer age(JsonNode value, TensorDatatype type, int row) {
    double age = number(value, type, AGE, row);
    if (age != Math.rint(age)) {
      throw invalid(at(AGE, row) + "must be a whole number of years, got " + value);
    }
    if (age < Integer.MIN_VALUE || age > Integer.MAX_VALUE) {
      throw invalid(at(AGE, row) + "must be between " + FeatureSchema.AGE_MIN + " and " + FeatureSchema.AGE_MAX);
    }
    return (int) age;
  }

  private static double number(JsonNode value, TensorDatatype type, String name, int row) {
    if (!value.isNumber()) {
      throw invalid(at(name, row) + "must be a number (datatype " + type + "), got " + value);
    }
    if (type.isInteger() && (!value.isIntegralNumber() || !value.canConvertToLong() || !type.holds(value.asLong()))) {
      throw invalid(at(name, row) + "is not a " + type + " value: " + value);
    }
    return value.asDouble();
  }

  private static String category(JsonNode value, int row) {
    if (!value.isTextual()) {
      throw invalid(at(CATEGORY, row) + "must be a string (datatype BYTES), got " + value);
    }
    return value.asText();
  }

  static String at(String input, int row) {
    return "input '" + input + "' element " + row + ": ";
  }

  private static InferenceRequestException invalid(String message) {
    return InferenceRequestException.invalid(message);
  }
}
