package dev.reckon.plugins.retrieval;

import dev.reckon.api.Config;
import java.util.Properties;

/**
 * The hyper-parameters of one retrieval model. Suites set them; the defaults of each family are
 * sized for a two-core CPU (a cell of about 20 seconds on the 27-card deck).
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
    int logEvery) {

  RetrievalSettings {
    positive("width", width);
    positive("layers", layers);
    positive("heads", heads);
    positive("feedForward", feedForward);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("logEvery", logEvery);
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

  /** The settings in {@code config}, falling back on {@code defaults} for each one it omits. */
  static RetrievalSettings read(Config config, RetrievalSettings defaults) {
    int width = config.getInt("width", defaults.width());
    return new RetrievalSettings(
        width,
        config.getInt("layers", defaults.layers()),
        config.getInt("heads", defaults.heads()),
        // A suite that only widens the model keeps the feed-forward ratio of the defaults.
        config.getInt("feedForward", defaults.feedForward() * width / defaults.width()),
        config.getInt("updates", defaults.updates()),
        config.getInt("batchSize", defaults.batchSize()),
        config.getDouble("learningRate", defaults.learningRate()),
        config.getInt("warmup", defaults.warmup()),
        config.getInt("logEvery", defaults.logEvery()));
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
        integer(properties, "logEvery"));
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
