package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.TASK;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The convergence board, research note 003's table: per task that measures what a model's softmax
 * over the keys converges to ({@value #CONDITIONAL} and {@value #PMI}, e.g. infonce-convergence),
 * one row per model (an objective) and two columns per level (a joint): the KL divergence of its
 * softmax from p(y|x) and from the normalised PMI ratio, each on the level it was trained on. Models
 * ranked per task by their mean {@value #CONDITIONAL} over the levels.
 */
public final class ConvergenceBoard {
  static final String CONDITIONAL = "kl_conditional";
  static final String PMI = "kl_pmi";

  private ConvergenceBoard() {}

  /** Whether the task's results belong on this board (and not on the compositional one). */
  public static boolean measures(TaskInfo task) {
    return task.higherIsBetter().containsKey(CONDITIONAL) && task.higherIsBetter().containsKey(PMI);
  }

  public static Board build(RunResults run) {
    Map<List<String>, Map<String, Measurement>> rows = new LinkedHashMap<>();
    List<String> levels = new ArrayList<>();
    for (Measurement m : Measurement.of(run).values()) {
      TaskInfo task = run.tasks().get(m.task());
      if (task != null && measures(task) && m.evalLevel().equals(m.trainLevel())
          && (m.metric().equals(CONDITIONAL) || m.metric().equals(PMI))) {
        rows.computeIfAbsent(List.of(m.task(), m.model()), k -> new LinkedHashMap<>())
            .put(m.evalLevel() + " " + m.metric(), m);
        if (!levels.contains(m.evalLevel())) {
          levels.add(m.evalLevel());
        }
      }
    }
    levels.sort(Comparator.comparingInt(level -> levelOrder(run, level)));
    List<String> header = new ArrayList<>(List.of(TASK.id(), MODEL.id()));
    for (String level : levels) {
      header.add(level + " " + CONDITIONAL);
      header.add(level + " " + PMI);
    }
    header.add("seeds");
    List<Map.Entry<List<String>, Map<String, Measurement>>> entries = new ArrayList<>(rows.entrySet());
    entries.sort(Comparator.comparing((Map.Entry<List<String>, Map<String, Measurement>> e) -> e.getKey().get(0))
        .thenComparingDouble(e -> meanConditional(e.getValue())));
    List<List<Object>> table = new ArrayList<>();
    for (var entry : entries) {
      List<Object> row = new ArrayList<>(entry.getKey());
      for (String column : header.subList(2, header.size() - 1)) {
        Measurement m = entry.getValue().get(column);
        row.add(Board.optional(m == null ? null : m.value()));
      }
      row.add(entry.getValue().values().iterator().next().seeds());
      table.add(row);
    }
    return new Board("convergence", header, table);
  }

  /** A level's place in its task's list (joints easiest first); levels of no known task last. */
  private static int levelOrder(RunResults run, String level) {
    return run.tasks().values().stream().filter(ConvergenceBoard::measures)
        .mapToInt(task -> task.levels().indexOf(level)).filter(index -> index >= 0).min().orElse(Integer.MAX_VALUE);
  }

  private static double meanConditional(Map<String, Measurement> byColumn) {
    return byColumn.values().stream().filter(m -> m.metric().equals(CONDITIONAL)).mapToDouble(Measurement::value)
        .average().orElse(Double.MAX_VALUE);
  }
}
