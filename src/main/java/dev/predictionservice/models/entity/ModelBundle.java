package dev.predictionservice.models.entity;

import dev.predictionservice.inference.entity.Dl4jNetwork;
import dev.predictionservice.inference.entity.ScoringEngine;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * A loaded model: the DL4J network, the normalizer fitted on its training data, the metadata, and the engine that
 * scores it. A bundle fresh from a file or the trainer scores with DL4J itself; the registry serves it with the
 * engine chosen at load (see InferenceEngines). Immutable; scoring is safe from many threads.
 */
public final class ModelBundle {

  private final ModelMetadata metadata;
  private final MultiLayerNetwork network;
  private final DataNormalization normalizer;
  private final ScoringEngine engine;

  public ModelBundle(ModelMetadata metadata, MultiLayerNetwork network, DataNormalization normalizer) {
    this(metadata, network, normalizer, new Dl4jNetwork(network, normalizer));
  }

  private ModelBundle(ModelMetadata metadata, MultiLayerNetwork network, DataNormalization normalizer,
      ScoringEngine engine) {
    this.metadata = Objects.requireNonNull(metadata);
    this.network = Objects.requireNonNull(network);
    this.normalizer = Objects.requireNonNull(normalizer);
    this.engine = Objects.requireNonNull(engine);
  }

  /** The same model, scored by {@code engine}. */
  public ModelBundle withEngine(ScoringEngine engine) {
    return new ModelBundle(metadata, network, normalizer, engine);
  }

  public ModelMetadata metadata() {
    return metadata;
  }

  public String version() {
    return metadata.version();
  }

  public FeatureSchema schema() {
    return metadata.schema();
  }

  /** Probabilities of the positive class, one per encoded row (see FeatureEncoder). */
  public float[] predict(float[][] rows) {
    return engine.score(rows);
  }

  /** The probability of the positive class for one encoded row. */
  public float predict(float[] row) {
    return engine.score(row);
  }

  /** What scores this model: {@code java} or {@code dl4j}. */
  public String engineKind() {
    return engine.kind();
  }

  /** The engine that scores this model, for the memory estimate; score through {@link #predict} instead. */
  public ScoringEngine engine() {
    return engine;
  }

  /** The network, for writing the bundle and for tests; callers must not train or change it. */
  public MultiLayerNetwork network() {
    return network;
  }

  /** The normalizer, for writing the bundle; callers must not refit it. */
  public DataNormalization normalizer() {
    return normalizer;
  }
}
