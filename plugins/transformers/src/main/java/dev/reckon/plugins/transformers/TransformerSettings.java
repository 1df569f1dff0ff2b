package dev.reckon.plugins.transformers;

import dev.reckon.api.Config;
import dev.reckon.api.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The hyper-parameters of one transformer. Suites set them; each variant's factory declares its
 * defaults with {@link #declare}.
 *
 * @param layers the untied layers: the whole stack without recurrence, the base under the tied layer with it
 * @param width hidden size W
 * @param heads attention heads; they divide {@code width}
 * @param ffnWidth hidden size of each layer's feed-forward part
 * @param steps T, the applications of the weight-tied top layer in training; 0 for a stack without one
 * @param evaluationFactor evaluation reads out after 1, 2, ..., this many times T applications
 * @param updates optimiser updates, unless {@code trainingFlops} sets them
 * @param batchSize training examples per update
 * @param learningRate peak Adam learning rate
 * @param warmup updates of linear warm-up before the cosine decay
 * @param logEvery updates between two points of the loss curve
 * @param trainingFlops when above 0, the training compute to spend instead of a count of updates:
 *     as many updates as reach it (research note 000 compares models at a fixed FLOP budget)
 */
record TransformerSettings(int layers, int width, int heads, int ffnWidth, int steps, int evaluationFactor,
    int updates, int batchSize, double learningRate, int warmup, int logEvery, double trainingFlops) {

  TransformerSettings {
    positive("width", width);
    positive("heads", heads);
    positive("ffnWidth", ffnWidth);
    positive("updates", updates);
    positive("batchSize", batchSize);
    positive("logEvery", logEvery);
    positive("evaluationFactor", evaluationFactor);
    if (layers < 0 || steps < 0 || layers + steps == 0) {
      throw new IllegalArgumentException("settings 'layers' (" + layers + ") and 'steps' (" + steps
          + ") must not be negative, and one must be positive");
    }
    if (width % heads != 0) {
      throw new IllegalArgumentException("setting 'heads' (" + heads + ") must divide 'width' (" + width + ")");
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("setting 'learningRate' is " + learningRate + "; expected a positive number");
    }
    if (!(trainingFlops >= 0) || Double.isInfinite(trainingFlops)) {
      throw new IllegalArgumentException("setting 'trainingFlops' is " + trainingFlops + "; expected 0 (train "
          + "'updates' updates) or a positive number of FLOPs");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("setting 'warmup' is " + warmup + "; expected 0 or more");
    }
  }

  /** The updates to train: {@code updates}, or as many as reach {@code trainingFlops} at this cost each. */
  int updates(long flopsPerUpdate) {
    if (trainingFlops == 0) {
      return updates;
    }
    return Math.toIntExact(Math.max(1, (long) Math.ceil(trainingFlops / flopsPerUpdate)));
  }

  /** Whether a weight-tied top layer iterates. */
  boolean recurrent() {
    return steps > 0;
  }

  /**
   * The settings of a variant at its defaults; {@code steps} and {@code evaluationFactor} only when
   * {@code steps > 0} (the recurrent variant).
   */
  static List<Setting> declare(int layers, int width, int heads, int ffnWidth, int steps, int updates,
      int batchSize, double learningRate) {
    List<Setting> settings = new ArrayList<>(List.of(
        Setting.integer("layers", layers, steps > 0 ? "untied layers under the weight-tied one" : "transformer layers"),
        Setting.integer("width", width, "hidden size W"),
        Setting.integer("heads", heads, "attention heads; they divide width"),
        Setting.integer("ffnWidth", ffnWidth, "hidden size of each layer's feed-forward part"),
        Setting.integer("updates", updates, "optimiser updates"),
        Setting.integer("batchSize", batchSize, "training examples per update"),
        Setting.number("learningRate", learningRate, "peak Adam learning rate"),
        Setting.integer("warmup", 100, "updates of linear warm-up before the cosine decay"),
        Setting.integer("logEvery", 50, "updates between two points of the loss curve"),
        Setting.number("trainingFlops", 0.0, "when above 0: train until the training FLOPs reach this, "
            + "instead of 'updates' updates (a fixed compute budget, as research note 000 compares models)")));
    if (steps > 0) {
      settings.add(Setting.integer("steps", steps,
          "T: applications of the weight-tied top layer in training, each read out into the loss"));
      settings.add(Setting.integer("evaluationFactor", 4,
          "evaluation reads out after every application from 1 to this many times T"));
    }
    return List.copyOf(settings);
  }

  /** The settings in {@code config}; a variant that does not declare {@code steps} has no tied layer. */
  static TransformerSettings from(Config config) {
    return new TransformerSettings(
        config.getInt("layers"),
        config.getInt("width"),
        config.getInt("heads"),
        config.getInt("ffnWidth"),
        config.getInt("steps", 0),
        config.getInt("evaluationFactor", 1),
        config.getInt("updates"),
        config.getInt("batchSize"),
        config.getDouble("learningRate"),
        config.getInt("warmup"),
        config.getInt("logEvery"),
        config.getDouble("trainingFlops"));
  }

  void store(Properties properties) {
    properties.setProperty("layers", Integer.toString(layers));
    properties.setProperty("width", Integer.toString(width));
    properties.setProperty("heads", Integer.toString(heads));
    properties.setProperty("ffnWidth", Integer.toString(ffnWidth));
    properties.setProperty("steps", Integer.toString(steps));
    properties.setProperty("evaluationFactor", Integer.toString(evaluationFactor));
    properties.setProperty("updates", Integer.toString(updates));
    properties.setProperty("batchSize", Integer.toString(batchSize));
    properties.setProperty("learningRate", Double.toString(learningRate));
    properties.setProperty("warmup", Integer.toString(warmup));
    properties.setProperty("logEvery", Integer.toString(logEvery));
    properties.setProperty("trainingFlops", Double.toString(trainingFlops));
  }

  static TransformerSettings restore(Properties properties) {
    return new TransformerSettings(
        integer(properties, "layers"),
        integer(properties, "width"),
        integer(properties, "heads"),
        integer(properties, "ffnWidth"),
        integer(properties, "steps"),
        integer(properties, "evaluationFactor"),
        integer(properties, "updates"),
        integer(properties, "batchSize"),
        Double.parseDouble(required(properties, "learningRate")),
        integer(properties, "warmup"),
        integer(properties, "logEvery"),
        Double.parseDouble(required(properties, "trainingFlops")));
  }

  static int integer(Properties properties, String key) {
    return Integer.parseInt(required(properties, key));
  }

  private static String required(Properties properties, String key) {
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
