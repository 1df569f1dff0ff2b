package dev.reckon.plugins.dtnet;

import static dev.reckon.kit.Training.BATCH_SIZE;
import static dev.reckon.kit.Training.CLIP;
import static dev.reckon.kit.Training.EVAL_BATCH_SIZE;
import static dev.reckon.kit.Training.EVAL_EVERY;
import static dev.reckon.kit.Training.LEARNING_RATE;
import static dev.reckon.kit.Training.LOG_EVERY;
import static dev.reckon.kit.Training.UPDATES;
import static dev.reckon.kit.Training.WARMUP;
import static dev.reckon.kit.Training.WEIGHT_DECAY;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.ReadoutIterations;
import dev.reckon.kit.Settings;
import java.util.TreeSet;

/**
 * The settings of a deep thinking network and its training; each variant declares them with its
 * own default of {@link #ALPHA} ({@link #declarations}). Whether a variant reads its input again
 * (recall) is the variant's, not a setting: it travels in the checkpoint's shape.
 */
final class DtNetSettings {
  private DtNetSettings() {}

  static final Declared<Integer> WIDTH = Declared.integer("width", 16, "the state's channels").positive();

  static final Declared<Integer> TRAINED_ITERATIONS =
      Declared.integer("trainedIterations", 8, "m: passes of the weight-tied recurrent block in training").positive();

  static final Declared<Integer> MAX_ITERATIONS = Declared.integer("maxIterations",
      settings -> 8 * settings.get(TRAINED_ITERATIONS), "the most passes at evaluation; default 8 x trainedIterations")
      .positive();

  static final Declared<Double> ALPHA = Declared.number("alpha", 0, "weight of the progressive loss (n passes without"
      + " gradients, then k with) against the loss after m passes, 0 to 1").between(0, 1);

  /** The settings of a variant, {@link #ALPHA} at its default {@code alpha}. */
  static Declarations declarations(double alpha) {
    return Declarations.of(
        WIDTH,
        TRAINED_ITERATIONS,
        MAX_ITERATIONS,
        ALPHA.withDefault(alpha),
        UPDATES.withDefault(300),
        BATCH_SIZE.withDefault(32).withMeaning("grids per update"),
        LEARNING_RATE.withDefault(0.005).withMeaning("Adam's peak step size"),
        WARMUP,
        CLIP,
        WEIGHT_DECAY,
        LOG_EVERY,
        EVAL_EVERY,
        EVAL_BATCH_SIZE.withDefault(100).withMeaning("grids a batch at evaluation"));
  }

  /**
   * The pass counts read out at evaluation: those of {@link ReadoutIterations#upTo} (1, the powers
   * of two, m, 2m, 4m, the most) and every other multiple of m, so that a curve that peaks near m
   * and falls after it is drawn in full.
   */
  static int[] readoutIterations(Settings settings) {
    int trainedIterations = settings.get(TRAINED_ITERATIONS);
    int maxIterations = settings.get(MAX_ITERATIONS);
    TreeSet<Integer> counts = new TreeSet<>();
    for (int count : ReadoutIterations.upTo(trainedIterations, maxIterations)) {
      counts.add(count);
    }
    for (int count = trainedIterations; count <= maxIterations; count += trainedIterations) {
      counts.add(count);
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }
}
