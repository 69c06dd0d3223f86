package dev.predictionservice.inferenceprotocol.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.predictionservice.inferenceprotocol.entity.InferenceRequest;
import dev.predictionservice.inferenceprotocol.entity.InferenceResponse;
import dev.predictionservice.inferenceprotocol.entity.RequestOutput;
import dev.predictionservice.inferenceprotocol.entity.ResponseOutput;
import dev.predictionservice.predictions.control.Predictor;
import dev.predictionservice.predictions.entity.PredictionRequest;
import dev.predictionservice.predictions.entity.ScoredRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Open Inference Protocol inference: reads the tensors into the instances /predict takes, applies its rules (Bean
 * Validation here, then the Predictor's category and batch-size checks, worded by TensorInputErrors) and scores
 * through the same use case, labelled {@code v2}.
 */
@ApplicationScoped
public class Inference {

  static final String ENDPOINT = "v2";

  @Inject Predictor predictor;
  @Inject Validator validator;

  /**
   * Scores the request's tensors.
   *
   * @param version the version in the path, or null for the active one
   */
  public InferenceResponse infer(String modelName, String version, JsonNode body) {
    InferenceRequest request = InferenceRequestReader.read(body);
    Map<String, Object> outputParameters = outputParameters(request.outputs());
    List<PredictionRequest> instances = TensorConverter.toInstances(request.inputs());
    validate(instances);
    ScoredRows scored = predictor.predictInstances(instances, version, ENDPOINT, new TensorInputErrors(modelName));
    List<Float> data = new ArrayList<>(scored.scores().length);
    for (float score : scored.scores()) {
      data.add(score);
    }
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
}
