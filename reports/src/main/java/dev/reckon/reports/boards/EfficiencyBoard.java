package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.COLLAPSE_UPDATE;
import static dev.reckon.reports.format.RunFormat.Column.METRIC;
import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.SEED;
import static dev.reckon.reports.format.RunFormat.Column.TASK;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_LEVEL;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_SECONDS;

import dev.reckon.api.TrainingLog;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.format.RunResults.TrainingPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Board 4, training efficiency: per task and training level, every model that trained there side
 * by side, read from its training curve. The curve's accuracy is the primary metric on the
 * training batches ({@code train_<primary>}, e.g. {@code train_puzzle_accuracy}), or where a model
 * logs none, its share of training examples answered exactly ({@code train_example_accuracy}).
 *
 * <ul>
 *   <li>{@code updates_to_target}, {@code seconds_to_target}: the first curve point at or above
 *       {@value #TARGET} of it;
 *   <li>{@code at_equal_time}: the curve's value at the wall time of the group's shortest
 *       training ({@code equal_time_seconds}), the last point at or before it;
 *   <li>{@code update_memory_mb}: the most the model reported its update to hold
 *       ({@code update_memory_mb}, the engine arrays alive at the loss, or during a solve), and
 *       {@code memory_ratio} that over the group's least;
 *   <li>{@code rss_growth_mb}: how far the process's resident set rose above its level at the
 *       start of the training (the harness samples it; engine, allocator and JVM together);
 *   <li>{@code seconds_per_update}, and {@code time_ratio} that over the group's least;
 *   <li>{@code collapse_update}: where the harness saw the training collapse, empty if it did not.
 * </ul>
 * Ranked per group by time to target, then by the value at equal time.
 */
public final class EfficiencyBoard {
  static final double TARGET = 0.9;
  static final String MEMORY = RunFormat.UPDATE_MEMORY;
  static final String RSS_GROWTH = RunFormat.RSS_GROWTH;
  static final List<String> HEADER = List.of(TASK.id(), TRAIN_LEVEL.id(), MODEL.id(), METRIC.id(), "updates",
      TRAIN_SECONDS.id(), "seconds_per_update", "time_ratio", MEMORY, "memory_ratio", RSS_GROWTH, "target",
      "updates_to_target", "seconds_to_target", "equal_time_seconds", "at_equal_time", "final_value",
      COLLAPSE_UPDATE.id(), SEED.id());

  private EfficiencyBoard() {}

  public static Board build(RunResults run) {
    Map<List<String>, List<TrainingPoint>> curves = new LinkedHashMap<>();
    for (TrainingPoint point : run.training()) {
      curves.computeIfAbsent(List.of(point.task(), point.trainLevel(), point.model(), String.valueOf(point.seed())),
          k -> new ArrayList<>()).add(point);
    }
    Map<List<String>, List<Trained>> groups = new LinkedHashMap<>();
    curves.forEach((id, points) -> {
      TaskInfo task = run.tasks().get(id.get(0));
      String primary = task == null ? "" : task.trainingMetric();
      String metric = points.stream().noneMatch(p -> p.metric().equals(primary))
          && points.stream().anyMatch(p -> p.metric().equals(TrainingLog.EXAMPLE_ACCURACY))
          ? TrainingLog.EXAMPLE_ACCURACY : primary;
      groups.computeIfAbsent(id.subList(0, 2), k -> new ArrayList<>()).add(Trained.of(run, id, metric, points));
    });
    List<List<Object>> rows = new ArrayList<>();
    groups.forEach((group, trained) -> {
      double equalTime = trained.stream().mapToDouble(Trained::seconds).min().orElse(Double.NaN);
      double leastTime = trained.stream().mapToDouble(Trained::secondsPerUpdate).min().orElse(Double.NaN);
      double leastMemory = trained.stream().mapToDouble(Trained::memory).filter(m -> m > 0).min().orElse(Double.NaN);
      trained.stream()
          .sorted(Comparator.comparingDouble((Trained t) -> t.at(TARGET).map(TrainingPoint::wallSeconds)
                  .orElse(Double.POSITIVE_INFINITY))
              .thenComparingDouble(t -> -t.valueAt(equalTime)))
          .forEach(t -> rows.add(t.row(equalTime, leastTime, leastMemory)));
    });
    return new Board("efficiency", HEADER, rows);
  }

  /** One cell's training curve: the accuracy points, the memory it reported, and its cell line. */
  private record Trained(List<String> id, String metric, List<TrainingPoint> accuracy, double memory,
      double residentGrowth, long updates, double seconds, Cell cell) {
    static Trained of(RunResults run, List<String> id, String metric, List<TrainingPoint> points) {
      List<TrainingPoint> accuracy = points.stream().filter(p -> p.metric().equals(metric)).toList();
      double memory = largest(points, MEMORY);
      double residentGrowth = largest(points, RSS_GROWTH);
      long updates = points.stream().filter(p -> !p.metric().equals(RSS_GROWTH)).mapToLong(TrainingPoint::update)
          .max().orElse(0);
      Cell cell = run.cells().stream()
          .filter(c -> c.task().equals(id.get(0)) && c.trainLevel().equals(id.get(1)) && c.model().equals(id.get(2))
              && String.valueOf(c.seed()).equals(id.get(3)))
          .findFirst().orElse(null);
      double seconds = cell != null && !Double.isNaN(cell.trainSeconds()) ? cell.trainSeconds()
          : points.stream().mapToDouble(TrainingPoint::wallSeconds).max().orElse(Double.NaN);
      return new Trained(id, metric, accuracy, memory, residentGrowth, updates, seconds, cell);
    }

    private static double largest(List<TrainingPoint> points, String metric) {
      return points.stream().filter(p -> p.metric().equals(metric)).mapToDouble(TrainingPoint::value).max()
          .orElse(Double.NaN);
    }

    double secondsPerUpdate() {
      return updates == 0 ? Double.NaN : seconds / updates;
    }

    Optional<TrainingPoint> at(double target) {
      return accuracy.stream().filter(p -> p.value() >= target).findFirst();
    }

    /** The last accuracy point at or before {@code time}; NaN when there is none. */
    double valueAt(double time) {
      return accuracy.stream().filter(p -> p.wallSeconds() <= time).reduce((a, b) -> b)
          .map(TrainingPoint::value).orElse(Double.NaN);
    }

    List<Object> row(double equalTime, double leastTime, double leastMemory) {
      Optional<TrainingPoint> reached = at(TARGET);
      double atEqualTime = valueAt(equalTime);
      List<Object> row = new ArrayList<>();
      row.add(id.get(0));
      row.add(id.get(1));
      row.add(id.get(2));
      row.add(accuracy.isEmpty() ? "" : metric);
      row.add(updates);
      row.add(seconds);
      row.add(secondsPerUpdate());
      row.add(secondsPerUpdate() / leastTime);
      row.add(Board.optional(Double.isNaN(memory) ? null : memory));
      row.add(Board.optional(Double.isNaN(memory) ? null : memory / leastMemory));
      row.add(Board.optional(Double.isNaN(residentGrowth) ? null : residentGrowth));
      row.add(TARGET);
      row.add(reached.map(p -> (Object) p.update()).orElse(""));
      row.add(Board.optional(reached.map(TrainingPoint::wallSeconds).orElse(null)));
      row.add(equalTime);
      row.add(Board.optional(Double.isNaN(atEqualTime) ? null : atEqualTime));
      row.add(Board.optional(accuracy.isEmpty() ? null : accuracy.get(accuracy.size() - 1).value()));
      row.add(cell == null || cell.collapseUpdate() == 0 ? "" : (Object) cell.collapseUpdate());
      row.add(id.get(3));
      return row;
    }
  }
}
