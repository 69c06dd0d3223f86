package dev.predictionservice.predictions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Bean Validation rules of the API contract (DESIGN section 4). */
class PredictionRequestValidationTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  private static Set<String> invalidFields(Object request) {
    return VALIDATOR.validate(request).stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  @Test
  void validRequestPasses() {
    assertTrue(invalidFields(new PredictionRequest(0, 0.0, "A")).isEmpty());
    assertTrue(invalidFields(new PredictionRequest(120, 1e9, "D")).isEmpty());
  }

  @Test
  void rangesAndPresenceAreChecked() {
    assertEquals(Set.of("age", "income", "category"), invalidFields(new PredictionRequest(null, null, null)));
    assertEquals(Set.of("age"), invalidFields(new PredictionRequest(-1, 1.0, "A")));
    assertEquals(Set.of("age"), invalidFields(new PredictionRequest(121, 1.0, "A")));
    assertEquals(Set.of("income"), invalidFields(new PredictionRequest(30, -0.01, "A")));
    assertEquals(Set.of("income"), invalidFields(new PredictionRequest(30, Double.POSITIVE_INFINITY, "A")));
    assertEquals(Set.of("category"), invalidFields(new PredictionRequest(30, 1.0, " ")));
  }

  @Test
  void batchNeedsInstancesAndValidatesEachOne() {
    assertEquals(Set.of("instances"), invalidFields(new BatchPredictionRequest(List.of())));
    assertEquals(Set.of("instances[1].age"),
        invalidFields(new BatchPredictionRequest(List.of(new PredictionRequest(1, 1.0, "A"),
            new PredictionRequest(200, 1.0, "A")))));
  }

  @Test
  void shortcutAgreesWithBeanValidationAtEveryEdge() {
    List<Integer> ages = Arrays.asList(null, Integer.MIN_VALUE, -1, 0, 1, 119, 120, 121, Integer.MAX_VALUE);
    List<Double> incomes = Arrays.asList(null, -1e-300, -0.0, 0.0, Double.MIN_VALUE, 5e8, 1e9, Math.nextUp(1e9),
        Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
    List<String> categories = Arrays.asList(null, "", " ", "\t", "\u0001", "\u2003", " A ", "A");
    for (Integer age : ages) {
      for (Double income : incomes) {
        for (String category : categories) {
          PredictionRequest request = new PredictionRequest(age, income, category);
          assertEquals(VALIDATOR.validate(request).isEmpty(), request.satisfiesConstraints(), request::toString);
        }
      }
    }
  }

  @Test
  void batchShortcutAgreesWithBeanValidation() {
    PredictionRequest valid = new PredictionRequest(30, 1.0, "A");
    List<PredictionRequest> withNull = new ArrayList<>(List.of(valid));
    withNull.add(null);
    for (BatchPredictionRequest batch : List.of(new BatchPredictionRequest(null), new BatchPredictionRequest(List.of()),
        new BatchPredictionRequest(withNull), new BatchPredictionRequest(List.of(valid, valid)),
        new BatchPredictionRequest(List.of(valid, new PredictionRequest(30, 1.0, " "))))) {
      assertEquals(VALIDATOR.validate(batch).isEmpty(), batch.satisfiesConstraints(), batch::toString);
    }
  }
}
