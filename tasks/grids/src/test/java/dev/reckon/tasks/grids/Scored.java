package dev.reckon.tasks.grids;

import dev.reckon.api.Config;
import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import java.util.List;
import java.util.Map;

/** A model's predictions on a grid dataset, checked as the runner checks them, and their scores by metric and count. */
record Scored(LabelingPredictions predictions, List<Score> scores) {
  /** {@code factory}'s model at {@code settings} (the rest at their defaults) on {@code data} of {@code task}. */
  static Scored of(ModelFactory factory, Map<String, ?> settings, Task task, GridDataset data) {
    ModelContext context = new ModelContext(task, Config.resolve(factory.settings(), settings), 1, "cpu");
    LabelingPredictions predictions = (LabelingPredictions) factory.create(context).predict(data.withoutAnswers());
    data.check(predictions);
    return new Scored(predictions, task.score(data, predictions));
  }

  /** The task's own solver on {@code data}. */
  static Scored bySolver(Task task, GridDataset data) {
    LabelingPredictions predictions = (LabelingPredictions) task.referenceSolver().orElseThrow()
        .solve(data.withoutAnswers());
    data.check(predictions);
    return new Scored(predictions, task.score(data, predictions));
  }

  double value(String metric, int iterations) {
    return scores.stream().filter(s -> s.metric().equals(metric) && s.iterations() == iterations).findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " at " + iterations)).value();
  }

  /** The metric's values at every iteration count, ascending counts. */
  double[] curve(String metric) {
    return scores.stream().filter(s -> s.metric().equals(metric)).mapToDouble(Score::value).toArray();
  }
}
