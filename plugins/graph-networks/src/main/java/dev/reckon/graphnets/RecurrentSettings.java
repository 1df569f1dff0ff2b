package dev.reckon.graphnets;

import static dev.reckon.graphnets.GraphNetworkSettings.NETWORK;
import static dev.reckon.graphnets.GraphNetworkSettings.SCHEDULE;

import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.ReadoutIterations;
import dev.reckon.kit.Settings;
import dev.reckon.kit.Training;

/**
 * The settings of a recurrent relational network and its training (the rrn's, and the learned
 * adjacency's network): the graph network's ({@link GraphNetworkSettings}), T, and the evaluation's;
 * the defaults are the CPU scale.
 */
public final class RecurrentSettings {
  private RecurrentSettings() {}

  public static final Declared<Integer> STEPS =
      Declared.integer("steps", 8, "T, the steps unrolled in training").positive();

  public static final Declared<Integer> EVAL_EVERY = Training.EVAL_EVERY;

  public static final Declared<Integer> MAX_EVAL_ITERATIONS = Declared.integer("maxEvalIterations",
      s -> 4 * s.get(STEPS), "the most steps run at evaluation; default 4 x steps").positive();

  public static final Declarations DECLARATIONS = NETWORK.and(STEPS).and(SCHEDULE)
      .and(EVAL_EVERY, MAX_EVAL_ITERATIONS, GraphNetworkSettings.EVAL_BATCH_SIZE);

  /** The step counts read out at evaluation: see {@link ReadoutIterations#upTo}. */
  public static int[] readoutIterations(Settings settings) {
    return ReadoutIterations.upTo(settings.get(STEPS), settings.get(MAX_EVAL_ITERATIONS));
  }
}
