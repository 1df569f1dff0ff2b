package dev.reckon.plugins.transformers;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;

/**
 * The settings of the transformers, declared once; each variant's {@link Declarations} give its
 * defaults. Only the recurrent variant declares {@link #STEPS} and {@link #EVALUATION_FACTOR}: a
 * stack without them has no weight-tied layer.
 */
final class TransformerSettings {
  private TransformerSettings() {}

  static final Declared<Integer> LAYERS = Declared.integer("layers", 2, "transformer layers").notNegative();

  /** The recurrent variant's {@link #LAYERS}: the base under the tied layer. */
  static final Declared<Integer> BASE_LAYERS =
      Declared.integer("layers", 1, "untied layers under the weight-tied one").notNegative();

  static final Declared<Integer> WIDTH = Declared.integer("width", 32, "hidden size W").positive();

  static final Declared<Integer> HEADS = Declared.integer("heads", 4, "attention heads; they divide width").positive();

  static final Declared<Integer> FFN_WIDTH =
      Declared.integer("ffnWidth", 64, "hidden size of each layer's feed-forward part").positive();

  static final Declared<Double> LEARNING_RATE =
      Declared.number("learningRate", 1e-3, "peak Adam learning rate").positive();

  static final Declared<Integer> LOG_EVERY =
      Declared.integer("logEvery", 50, "updates between two points of the loss curve").positive();

  static final Declared<Double> TRAINING_FLOPS = Declared.number("trainingFlops", 0.0, "when above 0: train until the"
      + " training FLOPs reach this, instead of 'updates' updates (a fixed compute budget, as research note 000"
      + " compares models)").notNegative();

  static final Declared<Integer> STEPS = Declared.integer("steps", 4,
      "T: applications of the weight-tied top layer in training, each read out into the loss").notNegative();

  static final Declared<Integer> EVALUATION_FACTOR = Declared.integer("evaluationFactor", 4,
      "evaluation reads out after every application from 1 to this many times T").positive();

  /** {@code transformer-small}: 2 layers of width 32. */
  static final Declarations SMALL = Declarations.of(LAYERS, WIDTH, HEADS, FFN_WIDTH,
      Training.UPDATES.withDefault(2000), Training.BATCH_SIZE.withDefault(32), LEARNING_RATE,
      Training.WARMUP.withDefault(100), LOG_EVERY, TRAINING_FLOPS);

  /** {@code transformer-large}: 4 layers of width 64. */
  static final Declarations LARGE =
      SMALL.with(LAYERS.withDefault(4)).with(WIDTH.withDefault(64)).with(FFN_WIDTH.withDefault(128));

  /** {@code recurrent-transformer}: the small stack's width, 1 untied layer under the tied one applied T = 4 times. */
  static final Declarations RECURRENT = SMALL.with(BASE_LAYERS).and(STEPS, EVALUATION_FACTOR);

  /** T, the applications of the tied layer in training; 0 for a stack without one. */
  static int steps(Settings settings) {
    return settings.has(STEPS) ? settings.get(STEPS) : 0;
  }

  /** Whether a weight-tied top layer iterates. */
  static boolean recurrent(Settings settings) {
    return steps(settings) > 0;
  }

  /** Evaluation reads out up to this many times T applications; 1 without recurrence. */
  static int evaluationFactor(Settings settings) {
    return settings.has(EVALUATION_FACTOR) ? settings.get(EVALUATION_FACTOR) : 1;
  }

  /** The updates to train: {@code updates}, or as many as reach {@code trainingFlops} at this cost each. */
  static int updates(Settings settings, long flopsPerUpdate) {
    double trainingFlops = settings.get(TRAINING_FLOPS);
    if (trainingFlops == 0) {
      return settings.get(Training.UPDATES);
    }
    return Math.toIntExact(Math.max(1, (long) Math.ceil(trainingFlops / flopsPerUpdate)));
  }

  /**
   * {@code settings}, once checked for what no single setting's range says: a tied layer or an
   * untied one, and heads that divide the width.
   */
  static Settings consistent(Settings settings) {
    int layers = settings.get(LAYERS);
    int steps = steps(settings);
    if (layers + steps == 0) {
      throw new IllegalArgumentException("settings 'layers' (" + layers + ") and 'steps' (" + steps
          + ") must not be negative, and one must be positive");
    }
    if (settings.get(WIDTH) % settings.get(HEADS) != 0) {
      throw new IllegalArgumentException("setting 'heads' (" + settings.get(HEADS) + ") must divide 'width' ("
          + settings.get(WIDTH) + ")");
    }
    return settings;
  }
}
