package dev.reckon.tasks.grids;

import dev.reckon.api.GridDataset;
import dev.reckon.api.GridFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.util.SplittableRandom;

/** Chance on a grid task, for the tests and the conformance kit: a uniformly random label on every cell. */
final class UniformGridLabels implements ModelFactory {
  @Override
  public String id() {
    return "uniform-grid-labels";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Support supports(Task task) {
    return task.format() instanceof GridFormat ? Support.yes() : Support.no("it labels grids only");
  }

  @Override
  public Model create(ModelContext context) {
    SplittableRandom random = new SplittableRandom(context.seed());
    return inputs -> {
      GridDataset grids = (GridDataset) inputs;
      int[][] labels = new int[grids.size()][];
      for (int example = 0; example < labels.length; example++) {
        labels[example] = random.ints(grids.cellCount(), 1, grids.labels() + 1).toArray();
      }
      return new LabelingPredictions(new int[] {1}, new int[][][] {labels});
    };
  }
}
