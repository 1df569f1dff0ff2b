package dev.reckon.plugins.deq;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Format;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;

/**
 * Makes the deep-equilibrium graph networks: {@code deq-gnn}, and {@code deq-gnn-stable}, the same
 * with a Jacobian penalty at the fixed point by default.
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

  @Override
  public boolean supports(Task task) {
    return task.format() == Format.LABELING;
  }

  @Override
  public boolean learns() {
    return true;
  }

  @Override
  public Model create(ModelContext context) {
    requireNonNull(context, "context is null");
    return new DeqGnnModel(id, DeqSettings.from(context.config(), penalty), context.seed(), context.device());
  }
}
