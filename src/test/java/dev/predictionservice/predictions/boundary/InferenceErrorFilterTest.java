package dev.predictionservice.predictions.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InferenceErrorFilterTest {

  @Test
  void onlyV2PathsGetTheProtocolsErrorShape() {
    assertTrue(InferenceErrorFilter.isV2("/v2"));
    assertTrue(InferenceErrorFilter.isV2("v2/models/x/infer"));
    assertTrue(InferenceErrorFilter.isV2("/v2/"));
    assertFalse(InferenceErrorFilter.isV2("/v20"));
    assertFalse(InferenceErrorFilter.isV2("/predict"));
    assertFalse(InferenceErrorFilter.isV2("/v2x/models"));
  }
}
