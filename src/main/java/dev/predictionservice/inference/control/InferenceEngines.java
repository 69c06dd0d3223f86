package dev.predictionservice.inference.control;

import dev.predictionservice.inference.entity.DenseNetwork;
import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.inference.entity.ScoringEngine;
import dev.predictionservice.platform.RequestLogContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.logging.Logger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * Chooses the engine that serves a model, at every load: the Java engine when it can read the network and agrees
 * with DL4J on the check rows, else DL4J behind the batcher when the network holds something the Java engine does not
 * compute. A Java engine that disagrees with DL4J refuses the model.
 */
@ApplicationScoped
public class InferenceEngines {

  private static final Logger LOG = RequestLogContext.logger(InferenceEngines.class);

  @Inject InferenceBatcher batcher;

  /**
   * @param name names the model in messages (a version or a file)
   * @param checkRows encoded rows both engines score; the Java engine must agree with DL4J on each
   * @throws EngineMismatchException naming the worst row when the Java engine and DL4J disagree
   */
  public ScoringEngine engineFor(String name, MultiLayerNetwork network, DataNormalization normalizer,
      float[][] checkRows) {
    Dl4jNetwork dl4j = new Dl4jNetwork(network, normalizer);
    DenseNetwork java;
    try {
      java = DenseNetworkReader.read(network, normalizer);
    } catch (UnsupportedNetworkException e) {
      LOG.warning(() -> "Model " + name + " is scored by DL4J through the dynamic batcher, not the Java engine: "
          + "the Java engine does not compute " + e.getMessage());
      return new BatchedDl4jEngine(dl4j, batcher);
    }
    EngineCheck.Result check = EngineCheck.compare(java, dl4j, checkRows);
    if (!check.agrees()) {
      throw new EngineMismatchException(String.format(
          "the Java engine and DL4J disagree on check row %d of %d %s: %s against DL4J's %s (difference %.3g, "
              + "at most %.0e allowed)", check.worstRow(), check.rows(), Arrays.toString(checkRows[check.worstRow()]),
          check.engine(), check.reference(), check.difference(), EngineCheck.TOLERANCE));
    }
    LOG.info(() -> String.format("Model %s is scored by the Java engine (checked against DL4J on %d rows, largest "
        + "difference %.2g)", name, check.rows(), check.difference()));
    return java;
  }
}
