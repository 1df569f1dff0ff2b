package dev.reckon.kit;

import java.util.Map;

/**
 * The settings of a training run that every learning model takes, declared once; a model declares
 * each with its own default ({@link Declared#withDefault}) where the kit's does not fit. The
 * runner's planner reads a model's work from {@link #UPDATES} and {@link #BATCH_SIZE} through
 * {@link LearningModelFactory}, never by name.
 */
public final class Training {
  private Training() {}

  public static final Declared<Integer> UPDATES = Declared.integer("updates", 1000, "optimiser updates").positive();

  public static final Declared<Integer> BATCH_SIZE =
      Declared.integer("batchSize", 64, "training examples per update").positive();

  public static final Declared<Double> LEARNING_RATE =
      Declared.number("learningRate", 0.002, "Adam's step size at its peak").positive();

  public static final Declared<Integer> WARMUP =
      Declared.integer("warmup", 20, "updates of linear warm-up before the cosine decay").notNegative();

  public static final Declared<Double> CLIP =
      Declared.number("clip", 1.0, "the largest norm of the whole gradient; 0 leaves it unclipped").notNegative();

  public static final Declared<Double> WEIGHT_DECAY =
      Declared.number("weightDecay", 2e-4, "Adam's weight decay").notNegative();

  public static final Declared<Integer> LOG_EVERY =
      Declared.integer("logEvery", 10, "updates between two loss points of the training curve").positive();

  public static final Declared<Integer> EVAL_EVERY =
      Declared.integer("evalEvery", 50, "updates between two training-batch accuracy points").positive();

  public static final Declared<Integer> EVAL_BATCH_SIZE =
      Declared.integer("evalBatchSize", 256, "examples per batch at evaluation").positive();

  /**
   * The training {@code reckon verify-plugin} gives a model by default (its {@code --full} keeps the
   * model's own): a few small updates, each logged, so that every property of the conformance kit
   * is checked in seconds, not minutes. A model that does not declare one of these trains at its own value.
   */
  public static final Map<String, Integer> QUICK_CHECK = Map.of(UPDATES.name(), 4, BATCH_SIZE.name(), 8,
      LOG_EVERY.name(), 1, EVAL_EVERY.name(), 2);

  /** The cadence of {@code settings}' training: its updates, logEvery and evalEvery (or logEvery where it has none). */
  public static Cadence cadence(Settings settings) {
    int logEvery = settings.get(LOG_EVERY);
    return new Cadence(settings.get(UPDATES), logEvery, settings.has(EVAL_EVERY) ? settings.get(EVAL_EVERY) : logEvery);
  }
}
