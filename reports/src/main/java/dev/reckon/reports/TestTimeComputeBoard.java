package dev.reckon.reports;

import dev.reckon.reports.Measurement.Key;
import dev.reckon.reports.RunResults.TaskInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Board 1, test-time compute: per model, task and evaluated level, the primary metric at 1 iteration,
 * at the trained count T and at 2T and 4T, the best value and where it was reached, the gain of the
 * best over T (or over 1 iteration for a model not trained with iterations), and the drop from the
 * best to the largest count (overthinking), and what one iteration of the model is (models count
 * different things: message-passing steps, solver evaluations, propagation rounds). Ranked per task
 * and level by the best value.
 */
public final class TestTimeComputeBoard {
  static final List<String> HEADER = List.of("task", "eval_level", "model", "train_level", "metric",
      "trained_iterations", "at_1", "at_T", "at_2T", "at_4T", "max_iterations", "at_max", "best", "best_iterations",
      "gain_beyond_T", "drop_after_best", "seeds", "one_iteration");

  private TestTimeComputeBoard() {}

  public static Board build(RunResults run) {
    Map<Key, Measurement> measurements = Measurement.of(run.results());
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
    rows.sort(Comparator.comparing((Row r) -> r.task).thenComparing(r -> levelIndex(run, r.task, r.level))
        .thenComparing(r -> r.higherIsBetter ? -r.best : r.best));
    return new Board("ttc", HEADER, rows.stream().map(r -> r.values).toList());
  }

  private record Row(String task, String level, double best, boolean higherIsBetter, List<Object> values) {}

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
    Double reference = trained > 0 ? value(curve, trained) : value(curve, curve.firstKey());
    Double gain = reference == null ? null : (higher ? 1 : -1) * (best.value() - reference);
    double drop = (higher ? 1 : -1) * (best.value() - last.value());
    List<Object> values = new ArrayList<>(List.of(any.task(), any.evalLevel(), any.model(), any.trainLevel(),
        any.metric(), trained > 0 ? trained : "", Board.optional(value(curve, 1)),
        Board.optional(trained > 0 ? value(curve, trained) : null),
        Board.optional(trained > 0 ? value(curve, 2 * trained) : null),
        Board.optional(trained > 0 ? value(curve, 4 * trained) : null), last.iterations(), last.value(), best.value(),
        best.iterations(), Board.optional(gain), drop, any.seeds(),
        run.iterationMeanings().getOrDefault(any.model(), "")));
    return new Row(any.task(), any.evalLevel(), best.value(), higher, values);
  }

  private static Double value(TreeMap<Integer, Measurement> curve, int iterations) {
    Measurement m = curve.get(iterations);
    return m == null ? null : m.value();
  }

  static int levelIndex(RunResults run, String task, String level) {
    int index = run.tasks().get(task).levels().indexOf(level);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
