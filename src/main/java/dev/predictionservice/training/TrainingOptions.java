package dev.predictionservice.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hyper-parameters and the split; recorded in the bundle's metadata. */
public record TrainingOptions(
    long seed, int epochs, int batchSize, double learningRate, List<Integer> hiddenLayers, double testFraction) {

  public static TrainingOptions defaults(long seed) {
    return new TrainingOptions(seed, 25, 128, 0.005, List.of(32, 16), 0.2);
  }

  public TrainingOptions {
    hiddenLayers = List.copyOf(hiddenLayers);
  }

  public TrainingOptions withEpochs(int value) {
    return new TrainingOptions(seed, value, batchSize, learningRate, hiddenLayers, testFraction);
  }

  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epochs", epochs);
    map.put("batchSize", batchSize);
    map.put("learningRate", learningRate);
    map.put("hiddenLayers", hiddenLayers);
    map.put("activation", "relu");
    map.put("optimizer", "adam");
    map.put("loss", "binary cross-entropy");
    map.put("testFraction", testFraction);
    return map;
  }
}
