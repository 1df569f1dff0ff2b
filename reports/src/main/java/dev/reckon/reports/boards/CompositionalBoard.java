package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.TASK;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_LEVEL;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Board 3, compositional key-subset extraction: per model variant and game (a level of a retrieval
 * task; those of the {@link ConvergenceBoard} have their own board), every metric the task reports,
 * with games ordered by their difficulty (the log2 count of distinct answer subsets) and models ranked
 * within a game by the primary metric.
 */
public final class CompositionalBoard {
  private CompositionalBoard() {}

  public static Board build(RunResults run) {
    Map<List<Object>, Map<String, Measurement>> rows = new LinkedHashMap<>();
    TreeMap<String, Boolean> metrics = new TreeMap<>();
    for (Measurement m : Measurement.of(run).values()) {
      TaskInfo task = run.tasks().get(m.task());
      if (task != null && task.retrieval() && !ConvergenceBoard.measures(task)) {
        rows.computeIfAbsent(List.of(m.task(), m.evalLevel(), m.evalDifficulty(), m.model(), m.trainLevel()),
            k -> new LinkedHashMap<>()).put(m.metric(), m);
        metrics.put(m.metric(), true);
      }
    }
    List<String> header = new ArrayList<>(List.of(TASK.id(), "game", "log2_subsets", MODEL.id(), TRAIN_LEVEL.id()));
    header.addAll(metrics.keySet());
    header.add("seeds");
    List<Map.Entry<List<Object>, Map<String, Measurement>>> entries = new ArrayList<>(rows.entrySet());
    entries.sort(Comparator.comparing((Map.Entry<List<Object>, Map<String, Measurement>> e) -> (String) e.getKey().get(0))
        .thenComparing(e -> (Double) e.getKey().get(2))
        .thenComparing(e -> rank(run, e.getKey(), e.getValue())));
    List<List<Object>> table = new ArrayList<>();
    for (var entry : entries) {
      List<Object> row = new ArrayList<>(entry.getKey());
      for (String metric : metrics.keySet()) {
        Measurement m = entry.getValue().get(metric);
        row.add(Board.optional(m == null ? null : m.value()));
      }
      row.add(entry.getValue().values().iterator().next().seeds());
      table.add(row);
    }
    return new Board("compositional", header, table);
  }

  private static double rank(RunResults run, List<Object> key, Map<String, Measurement> byMetric) {
    TaskInfo task = run.tasks().get((String) key.get(0));
    Measurement primary = byMetric.get(task.primaryMetric());
    if (primary == null) {
      return Double.MAX_VALUE;
    }
    return task.higherIsBetter(task.primaryMetric()) ? -primary.value() : primary.value();
  }
}
