package dev.reckon.plugins.baselines;

import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingFormat.Constraint;
import dev.reckon.api.LabelingFormat.Graphs;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Setting;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Constraint propagation, then search, with a budget of k units of work: the non-neural
 * accuracy-vs-compute curve that neural test-time-compute curves are read against. A unit is one
 * round of propagation that assigns something, before the search or inside it, or one guess of the
 * search (see {@link ConstraintPropagation}), so the budget at which a puzzle is solved is all the
 * work it took. Setting {@code maxRounds}: the largest budget; predictions are made at 1, 2, 4, ...
 * units up to it.
 */
final class PropagationFactory implements ModelFactory {
  static final String MAX_ROUNDS = "maxRounds";

  @Override
  public String id() {
    return "propagation";
  }

  @Override
  public String version() {
    return "2"; // 2: rounds inside the search count against the budget
  }

  @Override
  public String description() {
    return "constraint propagation, then depth-first search, within k units of work (a round of propagation or a"
        + " guess)";
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        Setting.integer(MAX_ROUNDS, 64, "the largest budget in units of work (propagation rounds, in or out of the"
            + " search, and guesses); predictions at 1, 2, 4, ... units up to it"));
  }

  /**
   * Labelling on one shared graph whose groups hold every label once: a hidden single (the only
   * node of a group that can take a label) is forced only when the group must hold that label.
   */
  @Override
  public Support supports(Task task) {
    if (!(task.format() instanceof LabelingFormat labeling)) {
      return Support.no("propagation labels the nodes of a constraint graph; this task's format is "
          + task.format().id());
    }
    if (labeling.constraint() != Constraint.EVERY_LABEL_ONCE) {
      return Support.no("propagation's hidden singles assume every label once per group; this task's groups "
          + labeling.constraint().meaning());
    }
    if (labeling.graphs() != Graphs.SHARED) {
      return Support.no("propagation builds its groups once, from a graph every example shares; this task brings"
          + " a graph per example");
    }
    if (labeling.labels() > ConstraintPropagation.MAX_LABELS) {
      return Support.no("propagation handles up to " + ConstraintPropagation.MAX_LABELS + " labels; this task has "
          + labeling.labels());
    }
    return Support.yes();
  }

  @Override
  public String iterationMeaning() {
    return "one round of propagation that assigns a label, before or inside the search, or one guess of the"
        + " search: every unit of its work";
  }

  @Override
  public Model create(ModelContext context) {
    int maxRounds = context.config().getInt(MAX_ROUNDS);
    if (maxRounds < 1) {
      throw new IllegalArgumentException("setting '" + MAX_ROUNDS + "' must be at least 1, got " + maxRounds);
    }
    int[] budgets = IntStream.concat(IntStream.iterate(1, k -> k < maxRounds, k -> k * 2), IntStream.of(maxRounds))
        .toArray();
    return new Model() {
      @Override
      public LabelingPredictions predict(Dataset inputs) {
        LabelingDataset data = (LabelingDataset) inputs;
        ConstraintPropagation propagation = new ConstraintPropagation(data.graph(), data.labels());
        int[][][] labels = new int[budgets.length][data.size()][];
        for (int example = 0; example < data.size(); example++) {
          int[][] outputs = propagation.solve(data.givens()[example], budgets);
          for (int b = 0; b < budgets.length; b++) {
            labels[b][example] = outputs[b];
          }
        }
        return new LabelingPredictions(budgets, labels);
      }
    };
  }
}
