package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.EVAL_LEVEL;
import static dev.reckon.reports.format.RunFormat.Column.METRIC;
import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.TASK;
import static dev.reckon.reports.format.RunFormat.Column.TRAINED_ITERATIONS;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_LEVEL;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Board 1, test-time compute: per model, task and evaluated level, the primary metric at 1 iteration,
 * at the trained count T and at 2T and 4T, the best value and where it was reached, the gain of the
 * best count beyond T over T (or beyond the first count over it, for a model not trained with
 * iterations; negative when more iterations only lose), and the drop from the best to the largest
 * count (overthinking), and what one iteration of the model is (models count different things:
 * message-passing steps, solver evaluations, propagation rounds). Ranked per task and level by the
 * best value; levels easiest first.
 */
public final class TestTimeComputeBoard {
  static final List<String> HEADER = List.of(TASK.id(), EVAL_LEVEL.id(), MODEL.id(), TRAIN_LEVEL.id(), METRIC.id(),
      TRAINED_ITERATIONS.id(), "at_1", "at_T", "at_2T", "at_4T", "max_iterations", "at_max", "best", "best_iterations",
      "gain_beyond_T", "drop_after_best", "seeds", "one_iteration");

  private TestTimeComputeBoard() {}

  public static Board build(RunResults run) {
    Map<Key, Measurement> measurements = Measurement.of(run);
    Map<List<String>, TreeMap<Integer, Measurement>> curves = new LinkedHashMap<>();
    for (Measurement m : measurements.values()) {
      TaskInfo task = run.tasks().get(m.task());
      if (task != null && m.metric().equals(task.primaryMetric())) {
        curves.computeIfAbsent(List.of(m.task(), m.evalLevel(), m.model(), m.trainLevel()), k -> new TreeMap<>())
            .put(m.iterations(), m);
      }
    }
    List<Row> rows = new ArrayList<>();
    curves.forEach((id, curve) -> rows.add(row(run, curve)));
    rows.sort(Comparator.comparing((Row r) -> r.level.task())
        .thenComparing(Row::level, MeasurementIndex.easiestFirst(run))
        .thenComparing(r -> r.higherIsBetter ? -r.best : r.best));
    return new Board("ttc", HEADER, rows.stream().map(r -> r.values).toList());
  }

  /** A row and what orders it: its level (any measurement of the curve) and its best value. */
  private record Row(Measurement level, double best, boolean higherIsBetter, List<Object> values) {}

  private static Row row(RunResults run, TreeMap<Integer, Measurement> curve) {
    Measurement any = curve.firstEntry().getValue();
    boolean higher = run.tasks().get(any.task()).higherIsBetter(any.metric());
    int trained = run.trainedIterations(any.model(), any.task(), any.trainLevel());
    Measurement best = null;
    for (Measurement m : curve.values()) {
      if (best == null || (higher ? m.value() > best.value() : m.value() < best.value())) {
        best = m;
      }
    }
    Measurement last = curve.lastEntry().getValue();
    int from = trained > 0 ? trained : curve.firstKey();
    Double reference = value(curve, from);
    // the best of the counts beyond the reference: a best below T is no gain of extra iterations
    Double beyond = curve.tailMap(from, false).values().stream().map(Measurement::value)
        .max(Comparator.comparingDouble(v -> higher ? v : -v)).orElse(null);
    Double gain = reference == null || beyond == null ? null : (higher ? 1 : -1) * (beyond - reference);
    double drop = (higher ? 1 : -1) * (best.value() - last.value());
    List<Object> values = new ArrayList<>(List.of(any.task(), any.evalLevel(), any.model(), any.trainLevel(),
        any.metric(), trained > 0 ? trained : "", Board.optional(value(curve, 1)),
        Board.optional(trained > 0 ? value(curve, trained) : null),
        Board.optional(trained > 0 ? value(curve, 2 * trained) : null),
        Board.optional(trained > 0 ? value(curve, 4 * trained) : null), last.iterations(), last.value(), best.value(),
        best.iterations(), Board.optional(gain), drop, any.seeds(),
        run.iterationMeanings().getOrDefault(any.model(), "")));
    return new Row(any, best.value(), higher, values);
  }

  private static Double value(TreeMap<Integer, Measurement> curve, int iterations) {
    Measurement m = curve.get(iterations);
    return m == null ? null : m.value();
  }
}
