package dev.reckon.plugins.deq;

import static dev.reckon.graphnets.GraphNetworkSettings.NETWORK;
import static dev.reckon.graphnets.GraphNetworkSettings.SCHEDULE;

import dev.reckon.graphnets.GraphNetworkSettings;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.Declared;
import dev.reckon.kit.ReadoutIterations;
import dev.reckon.kit.Settings;

/**
 * The deq-gnn's settings: the graph network's ({@link GraphNetworkSettings}), the solver's and the
 * phantom gradient's; the defaults are the CPU scale, the Jacobian penalty's the variant's.
 */
public final class DeqSettings {
  private DeqSettings() {}

  public static final Declared<Integer> ANDERSON_MEMORY = Declared.integer("andersonMemory", 5,
      "Anderson acceleration's history, 0 for plain fixed-point iteration").notNegative();

  public static final Declared<Integer> SOLVER_CAP =
      Declared.integer("solverCap", 16, "the most evaluations of f per solve in training").positive();

  public static final Declared<Double> TOLERANCE =
      Declared.number("tolerance", 1e-3, "the relative residual at which the solver stops").positive();

  public static final Declared<Integer> GRADIENT_STEPS = Declared.integer("gradientSteps", 2,
      "k, the steps of f unrolled from the detached fixed point that the gradient flows through").positive();

  public static final Declared<Double> JACOBIAN_PENALTY = Declared.number("jacobianPenalty", 0.0,
      "the weight of the Jacobian penalty |J|_F^2 / dim at the fixed point, 0 for none").notNegative();

  /** Not the kit's: the spectral-norm estimate shares the accuracy's cadence. */
  public static final Declared<Integer> EVAL_EVERY = Declared.integer("evalEvery", 50,
      "updates between two training-batch accuracy points and spectral-norm estimates").positive();

  public static final Declared<Integer> MAX_EVAL_ITERATIONS =
      Declared.integer("maxEvalIterations", 64, "the largest solver cap at evaluation").positive();

  /** deq-gnn's: no Jacobian penalty unless the config sets one. */
  public static final Declarations DECLARATIONS =
      NETWORK.and(ANDERSON_MEMORY, SOLVER_CAP, TOLERANCE, GRADIENT_STEPS, JACOBIAN_PENALTY).and(SCHEDULE)
          .and(EVAL_EVERY, MAX_EVAL_ITERATIONS, GraphNetworkSettings.EVAL_BATCH_SIZE);

  /** The solver used in training. */
  public static FixedPointSolver trainingSolver(Settings settings) {
    return new FixedPointSolver(settings.get(ANDERSON_MEMORY), settings.get(SOLVER_CAP), settings.get(TOLERANCE));
  }

  /** The solver caps read out at evaluation: see {@link ReadoutIterations#upTo}. */
  public static int[] readoutIterations(Settings settings) {
    return ReadoutIterations.upTo(settings.get(SOLVER_CAP), settings.get(MAX_EVAL_ITERATIONS));
  }
}
