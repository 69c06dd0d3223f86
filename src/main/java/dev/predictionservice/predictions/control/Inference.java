package dev.predictionservice.predictions.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.platform.FieldError;
import dev.predictionservice.platform.InvalidInputException;
import dev.predictionservice.predictions.entity.BatchPredictionResponse;
import dev.predictionservice.predictions.entity.InferenceRequest;
import dev.predictionservice.predictions.entity.InferenceResponse;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.RequestOutput;
import dev.predictionservice.predictions.entity.ResponseOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Open Inference Protocol inference: reads the tensors, applies the rules of /predict (Bean Validation, then the
 * Predictor's category and batch-size checks) and scores through the same Predictor, labelled {@code v2}.
 */
@ApplicationScoped
public class Inference {

  static final String ENDPOINT = "v2";
  private static final Pattern INSTANCE_FIELD = Pattern.compile("instances\\[(\\d+)\\]\\.(\\w+)");

  @Inject Predictor predictor;
  @Inject Validator validator;

  public InferenceResponse infer(String modelName, JsonNode body) {
    InferenceRequest request = InferenceRequestReader.read(body);
    Map<String, Object> outputParameters = outputParameters(request.outputs());
    List<PredictionRequest> instances = TensorConverter.toInstances(request.inputs());
    validate(instances);
    BatchPredictionResponse scored;
    try {
      scored = predictor.predictInstances(instances, ENDPOINT);
    } catch (InvalidInputException e) {
      throw InferenceRequestException.invalid(describe(e.errors().get(0)));
    }
    List<Float> data = new ArrayList<>(scored.predictions().size());
    // The model computes float32; the widening to double in BatchPredictionResponse is undone without loss.
    scored.predictions().forEach(p -> data.add(p.floatValue()));
    ResponseOutput output = new ResponseOutput(InferenceModels.OUTPUT, List.of((long) data.size()), "FP32",
        outputParameters, data);
    return new InferenceResponse(modelName, scored.modelVersion(), request.id(), request.parameters(),
        List.of(output));
  }

  /** This model has one output, so a selection can only name it; its parameters go back on the output. */
  private static Map<String, Object> outputParameters(List<RequestOutput> outputs) {
    Map<String, Object> parameters = null;
    for (RequestOutput output : outputs == null ? List.<RequestOutput>of() : outputs) {
      if (!InferenceModels.OUTPUT.equals(output.name())) {
        throw InferenceRequestException.invalid("unknown output '" + output.name() + "'; this model has '"
            + InferenceModels.OUTPUT + "'");
      }
      parameters = output.parameters();
    }
    return parameters;
  }

  private void validate(List<PredictionRequest> instances) {
    for (int row = 0; row < instances.size(); row++) {
      if (instances.get(row).satisfiesConstraints()) {
        continue; // Bean Validation would find nothing: skip its cost (see ConstraintShortcut)
      }
      List<ConstraintViolation<PredictionRequest>> violations = new ArrayList<>(validator.validate(instances.get(row)));
      if (!violations.isEmpty()) {
        violations.sort((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()));
        ConstraintViolation<PredictionRequest> first = violations.get(0);
        throw InferenceRequestException.invalid(
            TensorConverter.at(first.getPropertyPath().toString(), row) + first.getMessage());
      }
    }
  }

  /** The Predictor names fields the /predict/batch way; say it the tensor way. */
  static String describe(FieldError error) {
    Matcher field = INSTANCE_FIELD.matcher(error.field());
    if (field.matches()) {
      return TensorConverter.at(field.group(2), Integer.parseInt(field.group(1))) + error.message();
    }
    return "the inputs " + error.message().replace("instances", "rows");
  }
}
