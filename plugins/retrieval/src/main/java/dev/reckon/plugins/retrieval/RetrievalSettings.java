package dev.reckon.plugins.retrieval;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.List;
import java.util.Properties;

/**
 * The hyper-parameters of one retrieval model. Suites set them; each family's factory declares
 * its defaults with {@link #declare}, sized for a two-core CPU (a cell of about 20 seconds on the
 * 27-card deck).
 *
 * @param width transformer hidden size W
 * @param layers transformer layers
 * @param heads attention heads; they divide {@code width}
 * @param feedForward hidden size of each layer's feed-forward part
 * @param updates optimiser updates
 * @param batchSize training queries per update
 * @param learningRate peak Adam learning rate
 * @param warmup updates of linear warm-up before the cosine decay
 * @param logEvery updates between two points of the training curve
 * @param segment tokens of a segment read on its own first (see {@link SequenceEncoder}), 0 for none
 * @param segmentLayers layers within each segment when {@code segment > 0}
 * @param answerTargets train against every key of each query's answer, not only the drawn one
 */
record RetrievalSettings(
    int width,
    int layers,
    int heads,
    int feedForward,
    int updates,
    int batchSize,
    double learningRate,
    int warmup,
    int logEvery,
    int segment,
    int segmentLayers,
    boolean answerTargets) {

  /** The feed-forward size per unit of width when a suite does not set it. */
  static final int FEED_FORWARD_PER_WIDTH = 2;

  RetrievalSettings {
    positive("width", width);
    positive("layers", layers);
    positive("heads", heads);
    positive("feedForward", feedForward);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("logEvery", logEvery);
    if (segment < 0) {
      throw new IllegalArgumentException("setting 'segment' is " + segment + "; expected 0 or more");
    }
    if (segment > 0) {
      positive("segmentLayers", segmentLayers);
    }
    if (width % heads != 0) {
      throw new IllegalArgumentException("setting 'heads' (" + heads + ") must divide 'width' (" + width + ")");
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("setting 'learningRate' is " + learningRate + "; expected a positive number");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("setting 'warmup' is " + warmup + "; expected 0 or more");
    }
  }

  /**
   * The settings of a family, at its defaults; {@code feedForward}'s default is {@value
   * #FEED_FORWARD_PER_WIDTH} x width, so a suite that only widens the model keeps the ratio.
   */
  static List<Setting> declare(int width, int layers, int heads, int updates, int batchSize, double learningRate,
      int warmup, int logEvery, int segment, int segmentLayers, boolean answerTargets) {
    return List.of(
        Setting.integer("width", width, "transformer hidden size W"),
        Setting.integer("layers", layers, "transformer layers"),
        Setting.integer("heads", heads, "attention heads; they divide width"),
        Setting.integer("feedForward", null,
            "hidden size of each layer's feed-forward part; default " + FEED_FORWARD_PER_WIDTH + " x width"),
        Setting.integer("updates", updates, "optimiser updates"),
        Setting.integer("batchSize", batchSize, "training queries per update"),
        Setting.number("learningRate", learningRate, "peak Adam learning rate"),
        Setting.integer("warmup", warmup, "updates of linear warm-up before the cosine decay"),
        Setting.integer("logEvery", logEvery, "updates between two points of the training curve"),
        Setting.integer("segment", segment, "when above 0, the encoder reads consecutive segments of this many"
            + " tokens on their own first (segmentLayers layers within each), then its layers over one vector per"
            + " segment; 0: one sequence of tokens"),
        Setting.integer("segmentLayers", segmentLayers, "layers within each segment when segment is above 0"),
        Setting.flag("answerTargets", answerTargets, "train against every key of each query's answer: the"
            + " cross-encoder's cross-entropy against the uniform answer (the drawn key's loss in expectation),"
            + " the dual encoders' InfoNCE with every in-batch key of the answer a match; false: the drawn key"));
  }

  /** The settings in {@code config}, resolved against the family's {@link #declare declaration}. */
  static RetrievalSettings from(Config config) {
    int width = config.getInt("width");
    return new RetrievalSettings(
        width,
        config.getInt("layers"),
        config.getInt("heads"),
        config.getInt("feedForward", FEED_FORWARD_PER_WIDTH * width),
        config.getInt("updates"),
        config.getInt("batchSize"),
        config.getDouble("learningRate"),
        config.getInt("warmup"),
        config.getInt("logEvery"),
        config.getInt("segment"),
        config.getInt("segmentLayers"),
        config.getBoolean("answerTargets"));
  }

  void store(Properties properties) {
    properties.setProperty("width", Integer.toString(width));
    properties.setProperty("layers", Integer.toString(layers));
    properties.setProperty("heads", Integer.toString(heads));
    properties.setProperty("feedForward", Integer.toString(feedForward));
    properties.setProperty("updates", Integer.toString(updates));
    properties.setProperty("batchSize", Integer.toString(batchSize));
    properties.setProperty("learningRate", Double.toString(learningRate));
    properties.setProperty("warmup", Integer.toString(warmup));
    properties.setProperty("logEvery", Integer.toString(logEvery));
    properties.setProperty("segment", Integer.toString(segment));
    properties.setProperty("segmentLayers", Integer.toString(segmentLayers));
    properties.setProperty("answerTargets", Boolean.toString(answerTargets));
  }

  static RetrievalSettings restore(Properties properties) {
    return new RetrievalSettings(
        integer(properties, "width"),
        integer(properties, "layers"),
        integer(properties, "heads"),
        integer(properties, "feedForward"),
        integer(properties, "updates"),
        integer(properties, "batchSize"),
        Double.parseDouble(required(properties, "learningRate")),
        integer(properties, "warmup"),
        integer(properties, "logEvery"),
        integer(properties, "segment"),
        integer(properties, "segmentLayers"),
        Boolean.parseBoolean(required(properties, "answerTargets")));
  }

  static int integer(Properties properties, String key) {
    return Integer.parseInt(required(properties, key));
  }

  static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("checkpoint has no '" + key + "'");
    }
    return value;
  }

  private static void positive(String key, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("setting '" + key + "' is " + value + "; expected a positive number");
    }
  }
}
