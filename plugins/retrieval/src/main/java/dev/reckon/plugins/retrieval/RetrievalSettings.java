package dev.reckon.plugins.retrieval;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;

/**
 * The settings of the retrieval models, declared once; each family's {@link Declarations} give its
 * defaults, sized for a two-core CPU (a cell of about 20 seconds on the 27-card deck).
 */
final class RetrievalSettings {
  private RetrievalSettings() {}

  /** The feed-forward size per unit of width when a suite does not set it. */
  static final int FEED_FORWARD_PER_WIDTH = 2;

  static final Declared<Integer> WIDTH = Declared.integer("width", 64, "transformer hidden size W").positive();

  static final Declared<Integer> LAYERS = Declared.integer("layers", 2, "transformer layers").positive();

  static final Declared<Integer> HEADS = Declared.integer("heads", 4, "attention heads; they divide width").positive();

  /** Derived from the width, so a suite that only widens the model keeps the ratio. */
  static final Declared<Integer> FEED_FORWARD = Declared.integer("feedForward",
      settings -> FEED_FORWARD_PER_WIDTH * settings.get(WIDTH),
      "hidden size of each layer's feed-forward part; default " + FEED_FORWARD_PER_WIDTH + " x width").positive();

  static final Declared<Integer> BATCH_SIZE =
      Declared.integer("batchSize", 64, "training queries per update").positive();

  static final Declared<Double> LEARNING_RATE =
      Declared.number("learningRate", 3e-3, "peak Adam learning rate").positive();

  static final Declared<Integer> LOG_EVERY =
      Declared.integer("logEvery", 50, "updates between two points of the training curve").positive();

  static final Declared<Integer> SEGMENT = Declared.integer("segment", 0, "when above 0, the encoder reads"
      + " consecutive segments of this many tokens on their own first (segmentLayers layers within each), then its"
      + " layers over one vector per segment; 0: one sequence of tokens").notNegative();

  static final Declared<Integer> SEGMENT_LAYERS =
      Declared.integer("segmentLayers", 1, "layers within each segment when segment is above 0").notNegative();

  static final Declared<Boolean> ANSWER_TARGETS = Declared.flag("answerTargets", false, "train against every key of"
      + " each query's answer: the cross-encoder's cross-entropy against the uniform answer (the drawn key's loss in"
      + " expectation), the dual encoders' InfoNCE with every in-batch key of the answer a match; false: the drawn key");

  /**
   * The contrastive dual encoders: about 20 seconds of training on the 27-card shatter game on one
   * core; 2 layers of width 64 went further in that time than 4 layers (KL 0.19 against 0.32 for d=27).
   */
  static final Declarations CONTRASTIVE = Declarations.of(WIDTH, LAYERS, HEADS, FEED_FORWARD,
      Training.UPDATES.withDefault(1000), BATCH_SIZE, LEARNING_RATE, Training.WARMUP.withDefault(100), LOG_EVERY,
      SEGMENT, SEGMENT_LAYERS, ANSWER_TARGETS);

  /**
   * The cross-encoder: 1 layer of width 64, half the contrastive model's layers. Every query costs
   * K sequences, so batches are smaller and updates fewer for about 20 seconds on one core.
   */
  static final Declarations CROSS_ENCODER = CONTRASTIVE.with(LAYERS.withDefault(1))
      .with(Training.UPDATES.withDefault(300)).with(BATCH_SIZE.withDefault(16))
      .with(Training.WARMUP.withDefault(30)).with(LOG_EVERY.withDefault(25));

  /**
   * {@code settings}, once checked for what no single setting's range says: heads that divide the
   * width, and layers within the segments when there are segments.
   */
  static Settings consistent(Settings settings) {
    if (settings.get(WIDTH) % settings.get(HEADS) != 0) {
      throw new IllegalArgumentException("setting 'heads' (" + settings.get(HEADS) + ") must divide 'width' ("
          + settings.get(WIDTH) + ")");
    }
    if (settings.get(SEGMENT) > 0 && settings.get(SEGMENT_LAYERS) == 0) {
      throw new IllegalArgumentException("setting 'segmentLayers' is 0; expected a positive number");
    }
    return settings;
  }
}
