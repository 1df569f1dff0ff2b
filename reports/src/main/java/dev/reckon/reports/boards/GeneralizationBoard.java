package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.CI_HIGH;
import static dev.reckon.reports.format.RunFormat.Column.CI_LOW;
import static dev.reckon.reports.format.RunFormat.Column.EVAL_DIFFICULTY;
import static dev.reckon.reports.format.RunFormat.Column.EVAL_LEVEL;
import static dev.reckon.reports.format.RunFormat.Column.ITERATIONS;
import static dev.reckon.reports.format.RunFormat.Column.METRIC;
import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.TASK;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_LEVEL;
import static dev.reckon.reports.format.RunFormat.Column.VALUE;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Board 2, generalisation to harder puzzles: per model trained on a level, the primary metric at its
 * full iteration budget on that level and every harder one evaluated, and the share of the
 * trained-on value kept ({@code value / value on the training level}). Only cells evaluated beyond
 * their training level appear. Ranked per task by the value on the hardest level.
 */
public final class GeneralizationBoard {
  static final List<String> HEADER = List.of(TASK.id(), MODEL.id(), TRAIN_LEVEL.id(), EVAL_LEVEL.id(),
      EVAL_DIFFICULTY.id(), METRIC.id(), ITERATIONS.id(), VALUE.id(), CI_LOW.id(), CI_HIGH.id(), "share_of_trained",
      "seeds");

  private GeneralizationBoard() {}

  public static Board build(RunResults run) {
    Map<List<String>, List<Measurement>> cells = new LinkedHashMap<>();
    Map<List<String>, Integer> budgets = new LinkedHashMap<>();
    for (Measurement m : Measurement.of(run).values()) {
      TaskInfo task = run.tasks().get(m.task());
      if (task != null && m.metric().equals(task.primaryMetric())) {
        List<String> cell = List.of(m.task(), m.model(), m.trainLevel());
        cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(m);
        budgets.merge(cell, m.iterations(), Math::max);
      }
    }
    List<Group> groups = new ArrayList<>();
    cells.forEach((cell, all) -> {
      List<Measurement> atBudget = all.stream().filter(m -> m.iterations() == budgets.get(cell))
          .sorted(MeasurementIndex.easiestFirst(run))
          .toList();
      if (atBudget.size() < 2) {
        return;
      }
      Measurement trained = atBudget.stream().filter(m -> m.evalLevel().equals(m.trainLevel())).findFirst()
          .orElse(null);
      List<List<Object>> rows = new ArrayList<>();
      for (Measurement m : atBudget) {
        rows.add(List.of(m.task(), m.model(), m.trainLevel(), m.evalLevel(), m.evalDifficulty(), m.metric(),
            m.iterations(), m.value(), m.ciLow(), m.ciHigh(),
            Board.optional(trained == null || trained.value() == 0 ? null : m.value() / trained.value()), m.seeds()));
      }
      boolean higher = run.tasks().get(cell.get(0)).higherIsBetter(atBudget.get(0).metric());
      double last = atBudget.get(atBudget.size() - 1).value();
      groups.add(new Group(cell.get(0), higher ? -last : last, rows));
    });
    groups.sort(Comparator.comparing(Group::task).thenComparing(Group::rank));
    return new Board("generalization", HEADER, groups.stream().flatMap(g -> g.rows().stream()).toList());
  }

  /** The rows of one cell; {@code rank} orders cells, best on the hardest level first. */
  private record Group(String task, double rank, List<List<Object>> rows) {}
}
