package dev.reckon.plugins.baselines;

import dev.reckon.api.Dataset;
import dev.reckon.api.Format;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;
import java.util.stream.IntStream;

/**
 * Constraint propagation with a budget of k rounds, then search: the non-neural accuracy-vs-compute
 * curve that neural test-time-compute curves are read against. Setting {@code maxRounds} (default
 * 64): the largest budget; predictions are made at 1, 2, 4, ... rounds up to it.
 */
final class PropagationFactory implements ModelFactory {
  @Override
  public String id() {
    return "propagation";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return "k rounds of constraint propagation, then depth-first search (one guess a round)";
  }

  @Override
  public boolean supports(Task task) {
    return task.format() == Format.LABELING;
  }

  @Override
  public Model create(ModelContext context) {
    int maxRounds = context.config().getInt("maxRounds", 64);
    if (maxRounds < 1) {
      throw new IllegalArgumentException("setting 'maxRounds' must be at least 1, got " + maxRounds);
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
