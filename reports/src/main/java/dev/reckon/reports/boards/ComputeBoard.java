package dev.reckon.reports.boards;

import static dev.reckon.reports.format.RunFormat.Column.BUDGET_FLOPS;
import static dev.reckon.reports.format.RunFormat.Column.EVAL_LEVEL;
import static dev.reckon.reports.format.RunFormat.Column.MODEL;
import static dev.reckon.reports.format.RunFormat.Column.PROBE_R2;
import static dev.reckon.reports.format.RunFormat.Column.PROBE_R2_SHUFFLED;
import static dev.reckon.reports.format.RunFormat.Column.TASK;
import static dev.reckon.reports.format.RunFormat.Column.TRAINING_FLOPS;
import static dev.reckon.reports.format.RunFormat.Column.TRAIN_LEVEL;
import static dev.reckon.reports.format.RunFormat.Column.UPDATE;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.ComputePoint;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compute board, research note 000's question: at equal training compute, does a model that
 * recurs at test time catch one that does not, a larger one or one trained longer? Per task, at each
 * of the suite's compute budgets (the same for every model of the task) and on each evaluated level,
 * every model that reached the budget: its primary metric at the iterations it trained with, its best
 * over every iteration count it was evaluated at (with that count), and the linear probe's R^2 of its
 * token embeddings there beside the shuffled control. Ranked within a budget and level by the best.
 */
public final class ComputeBoard {
  /** The column of a model's best over every iteration count, which ranks the rows. */
  public static final String BEST = "best";
  /** The column of the iteration count where a model had its best. */
  public static final String BEST_ITERATIONS = "best_iterations";
  static final List<String> HEADER = List.of(TASK.id(), EVAL_LEVEL.id(), BUDGET_FLOPS.id(), MODEL.id(),
      TRAIN_LEVEL.id(), TRAINING_FLOPS.id(), UPDATE.id(), "at_trained", BEST, BEST_ITERATIONS, PROBE_R2.id(),
      PROBE_R2_SHUFFLED.id(), "seeds");

  private ComputeBoard() {}

  public static Board build(RunResults run) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> tasks = run.compute().stream().map(p -> p.result().task()).distinct().sorted().toList();
    for (String task : tasks) {
      Optional<String> primary = Optional.ofNullable(run.tasks().get(task)).map(RunResults.TaskInfo::primaryMetric);
      if (primary.isEmpty()) {
        continue;
      }
      for (double budget : run.computeBudgets(task)) {
        MeasurementIndex index = new MeasurementIndex(run.atComputeBudget(budget, List.of()));
        for (String level : index.evaluatedLevels(task)) {
          List<List<Object>> block = new ArrayList<>();
          for (Measurement best : bests(index, task, level, primary.get())) {
            block.add(row(run, index, best, budget));
          }
          boolean higher = index.higherIsBetter(task, primary.get());
          block.sort(Comparator.comparingDouble(row -> (higher ? -1 : 1) * (double) row.get(HEADER.indexOf(BEST))));
          rows.addAll(block);
        }
      }
    }
    return new Board("compute", HEADER, rows);
  }

  /** Each cell's best count on the level, in the metric's direction (the first such count on a tie). */
  private static List<Measurement> bests(MeasurementIndex index, String task, String level, String metric) {
    boolean higher = index.higherIsBetter(task, metric);
    List<Measurement> bests = new ArrayList<>();
    for (Measurement m : index.all()) {
      if (!m.task().equals(task) || !m.evalLevel().equals(level) || !m.metric().equals(metric)) {
        continue;
      }
      int at = indexOf(bests, m);
      if (at < 0) {
        bests.add(m);
      } else if (higher ? m.value() > bests.get(at).value() : m.value() < bests.get(at).value()) {
        bests.set(at, m);
      }
    }
    return bests;
  }

  private static int indexOf(List<Measurement> bests, Measurement m) {
    for (int i = 0; i < bests.size(); i++) {
      if (bests.get(i).model().equals(m.model()) && bests.get(i).trainLevel().equals(m.trainLevel())) {
        return i;
      }
    }
    return -1;
  }

  private static List<Object> row(RunResults run, MeasurementIndex index, Measurement best, double budget) {
    int trained = run.trainedIterations(best.model(), best.task(), best.trainLevel());
    int atTrained = trained > 0 ? trained : index.budget(best.model(), best.task(), best.trainLevel());
    Optional<Measurement> trainedValue = index.get(new Measurement.Key(best.model(), best.task(), best.trainLevel(),
        best.evalLevel(), atTrained, best.metric()));
    Predicate<ComputePoint> cell = p -> p.budget() == budget && p.result().model().equals(best.model())
        && p.result().task().equals(best.task()) && p.result().trainLevel().equals(best.trainLevel());
    List<ComputePoint> points = run.compute().stream().filter(cell).toList();
    return List.of(best.task(), best.evalLevel(), budget, best.model(), best.trainLevel(),
        Board.optional(mean(perSeed(points), ComputePoint::trainingFlops)),
        Board.optional(mean(perSeed(points), p -> p.update())),
        Board.optional(trainedValue.map(Measurement::value).orElse(null)), best.value(), best.iterations(),
        Board.optional(mean(probe(points, RunFormat.PROBE_R2), p -> p.result().value())),
        Board.optional(mean(probe(points, RunFormat.PROBE_R2_SHUFFLED), p -> p.result().value())),
        best.seeds());
  }

  /** The mean of {@code value} over {@code points}, or null when there are none. */
  private static Double mean(Stream<ComputePoint> points, ToDoubleFunction<ComputePoint> value) {
    OptionalDouble mean = points.mapToDouble(value).average();
    return mean.isPresent() ? mean.getAsDouble() : null;
  }

  /** One point per seed: where each seed's training stood at the budget. */
  private static Stream<ComputePoint> perSeed(List<ComputePoint> points) {
    return points.stream().collect(Collectors.toMap(p -> p.result().seed(), p -> p, (a, b) -> a, LinkedHashMap::new))
        .values().stream();
  }

  private static Stream<ComputePoint> probe(List<ComputePoint> points, String metric) {
    return points.stream().filter(p -> p.result().metric().equals(metric));
  }
}
