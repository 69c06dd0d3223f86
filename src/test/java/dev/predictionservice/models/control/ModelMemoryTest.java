package dev.predictionservice.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.predictionservice.models.entity.ModelBundle;
import org.junit.jupiter.api.Test;

/** The estimate counts the network's parameters, the Java engine's copy of them and the normalizer. */
class ModelMemoryTest {

  @Test
  void countsParametersTwiceAndTheStandardization() {
    ModelBundle bundle = RegistryFakes.bundle("m");
    long parameters = bundle.network().numParams();
    long inputs = bundle.network().layerInputSize(0);

    // float parameters in DL4J, the same as floats in the Java engine, plus mean and std (normalizer and engine)
    assertEquals(parameters * 4 * 2 + inputs * 4 * 2 * 2, ModelMemory.estimate(bundle));
  }
}
