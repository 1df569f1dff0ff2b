package dev.reckon.plugins.deq;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.graphnets.GraphNetworkSettings;
import java.util.List;

/**
 * Makes the deep-equilibrium graph networks: {@code deq-gnn}, and {@code deq-gnn-stable}, the same
 * with a Jacobian penalty at the fixed point by default; on a shared graph or a graph per example.
 */
public final class DeqGnnFactory implements ModelFactory {
  /** The stabiliser's default weight: large enough to hold f's Jacobian norm below 1 on sudoku. */
  static final double STABLE_PENALTY = 0.1;

  private final String id;
  private final double penalty;

  private DeqGnnFactory(String id, double penalty) {
    this.id = id;
    this.penalty = penalty;
  }

  /** {@code deq-gnn}: no penalty unless the config sets {@code jacobianPenalty}. */
  public static DeqGnnFactory plain() {
    return new DeqGnnFactory("deq-gnn", 0);
  }

  /** {@code deq-gnn-stable}: {@code jacobianPenalty} {@value #STABLE_PENALTY} unless the config sets it. */
  public static DeqGnnFactory stable() {
    return new DeqGnnFactory("deq-gnn-stable", STABLE_PENALTY);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    String base = "deep-equilibrium graph network: the rrn's message-passing step solved for its fixed point"
        + " (Anderson acceleration), trained by the phantom gradient through k steps from it";
    return penalty > 0 ? base + ", with a Jacobian penalty that keeps the step contractive" : base;
  }

  /** The settings {@link DeqSettings} reads; the defaults are the CPU scale and the variant's penalty. */
  @Override
  public List<Setting> settings() {
    return GraphNetworkSettings.of(GraphNetworkSettings.NETWORK, List.of(
        Setting.integer("andersonMemory", 5, "Anderson acceleration's history, 0 for plain fixed-point iteration"),
        Setting.integer("solverCap", 16, "the most evaluations of f per solve in training"),
        Setting.number("tolerance", 1e-3, "the relative residual at which the solver stops"),
        Setting.integer("gradientSteps", 2,
            "k, the steps of f unrolled from the detached fixed point that the gradient flows through"),
        Setting.number("jacobianPenalty", penalty,
            "the weight of the Jacobian penalty |J|_F^2 / dim at the fixed point, 0 for none")),
        GraphNetworkSettings.SCHEDULE, List.of(
        Setting.integer("evalEvery", 50,
            "updates between two training-batch accuracy points and spectral-norm estimates"),
        Setting.integer("maxEvalIterations", 64, "the largest solver cap at evaluation"),
        Setting.integer("evalBatchSize", 256, "puzzles per batch at evaluation")));
  }

  @Override
  public Support supports(Task task) {
    return GraphNetworkModel.support(id, task.format(), true);
  }

  @Override
  public String iterationMeaning() {
    return "one evaluation of the fixed-point map by the solver (the cap on evaluations)";
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    requireNonNull(context, "context is null");
    return new DeqGnnModel(id, DeqSettings.from(context.config()), context.seed(), context.device());
  }
}
