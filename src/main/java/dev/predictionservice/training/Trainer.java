package dev.predictionservice.training;

import dev.predictionservice.models.control.FeatureEncoder;
import dev.predictionservice.models.entity.FeatureSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Trains a tabular MLP on encoded rows. Deterministic: the same seed and rows give the same weights. */
public final class Trainer {

  private static final Logger LOG = Logger.getLogger(Trainer.class.getName());

  /** The trained network with the normalizer fitted on the training rows. */
  public record Trained(MultiLayerNetwork network, NormalizerStandardize normalizer) {}

  private Trainer() {}

  public static Trained train(List<TrainingRow> rows, FeatureSchema schema, TrainingOptions options) {
    Nd4j.getRandom().setSeed(options.seed());
    DataSet all = toDataSet(rows, schema);
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(all);

    MultiLayerNetwork network = new MultiLayerNetwork(configuration(schema.width(), options));
    network.init();

    List<DataSet> examples = new ArrayList<>(all.asList());
    examples.forEach(normalizer::preProcess);
    Random shuffle = new Random(options.seed());
    for (int epoch = 1; epoch <= options.epochs(); epoch++) {
      Collections.shuffle(examples, shuffle);
      network.fit(new ListDataSetIterator<>(examples, options.batchSize()));
      double loss = network.score();
      int done = epoch;
      LOG.info(() -> String.format("epoch %d/%d  loss %.4f", done, options.epochs(), loss));
    }
    return new Trained(network, normalizer);
  }

  static MultiLayerConfiguration configuration(int inputs, TrainingOptions options) {
    var layers =
        new NeuralNetConfiguration.Builder()
            .seed(options.seed())
            .weightInit(WeightInit.XAVIER)
            .updater(new Adam(options.learningRate()))
            .list();
    int in = inputs;
    int index = 0;
    for (int width : options.hiddenLayers()) {
      layers.layer(index++, new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
      in = width;
    }
    layers.layer(
        index,
        new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
            .nIn(in)
            .nOut(1)
            .activation(Activation.SIGMOID)
            .build());
    return layers.build();
  }

  /** Rows as a DataSet: features encoded like the server encodes them, labels as one column. */
  static DataSet toDataSet(List<TrainingRow> rows, FeatureSchema schema) {
    float[][] features = new float[rows.size()][];
    float[][] labels = new float[rows.size()][1];
    for (int i = 0; i < rows.size(); i++) {
      TrainingRow row = rows.get(i);
      features[i] = FeatureEncoder.encode(schema, row.age(), row.income(), row.category());
      labels[i][0] = row.label();
    }
    return new DataSet(Nd4j.create(features), Nd4j.create(labels));
  }
}
