package dev.reckon.plugins.deq;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.graphnets.GraphNetworkModel;
import dev.reckon.kit.Declarations;
import dev.reckon.kit.LearningModelFactory;
import dev.reckon.kit.StackedGroup;
import java.util.List;
import java.util.Optional;

/**
 * Makes the deep-equilibrium graph networks: {@code deq-gnn}, and {@code deq-gnn-stable}, the same
 * with a Jacobian penalty at the fixed point by default; on a shared graph or a graph per example.
 */
public final class DeqGnnFactory extends LearningModelFactory {
  /** The stabiliser's default weight: large enough to hold f's Jacobian norm below 1 on sudoku. */
  static final double STABLE_PENALTY = 0.1;

  private static final String DESCRIPTION = "deep-equilibrium graph network: the rrn's message-passing step"
      + " solved for its fixed point (Anderson acceleration), trained by the phantom gradient through k steps from it";

  private DeqGnnFactory(String id, String description, Declarations declarations) {
    // Version 2: first weights from each seed's own stream (seeds trained as one network).
    super(id, "2", description, "one evaluation of the fixed-point map by the solver (the cap on evaluations)",
        declarations);
  }

  /** {@code deq-gnn}: no penalty unless the config sets {@code jacobianPenalty}. */
  public static DeqGnnFactory plain() {
    return new DeqGnnFactory("deq-gnn", DESCRIPTION, DeqSettings.DECLARATIONS);
  }

  /** {@code deq-gnn-stable}: {@code jacobianPenalty} {@value #STABLE_PENALTY} unless the config sets it. */
  public static DeqGnnFactory stable() {
    return new DeqGnnFactory("deq-gnn-stable",
        DESCRIPTION + ", with a Jacobian penalty that keeps the step contractive",
        DeqSettings.DECLARATIONS.with(DeqSettings.JACOBIAN_PENALTY.withDefault(STABLE_PENALTY)));
  }

  @Override
  public Support supports(Task task) {
    return GraphNetworkModel.support(id(), task.format(), true);
  }

  @Override
  public Model create(ModelContext context) {
    return new DeqGnnModel(id(), declarations(), context);
  }

  /** The seeds trained as one network of K seeds, each seed's member a model of its own. */
  @Override
  public Optional<SeedGroup> createGroup(List<ModelContext> contexts) {
    return StackedGroup.of(contexts, group -> new DeqGnnModel(id(), declarations(), group),
        single -> new DeqGnnModel(id(), declarations(), single));
  }
}
