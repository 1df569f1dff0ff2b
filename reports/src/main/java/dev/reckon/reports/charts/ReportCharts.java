package dev.reckon.reports.charts;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Metric;
import dev.reckon.reports.boards.Board;
import dev.reckon.reports.boards.ComputeBoard;
import dev.reckon.reports.boards.ConvergenceBoard;
import dev.reckon.reports.claims.SeedReadings;
import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunResults.TrainingPoint;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * The charts of one run, from its results alone: test-time compute curves, the primary metric
 * against level difficulty, the compositional games, entropy against representation dimension,
 * and training curves. A chart whose data the run does not have is not drawn. A number of
 * results.csv is drawn as its mean over the run's seeds with its 95% interval as a band, and, with
 * several seeds, each seed's own line faintly; a training curve as its mean over seeds at each
 * update with each seed's curve faintly.
 */
public final class ReportCharts {
  /** Beside the primary metric (KL divergence), the note's second compositional figure. */
  private static final String TOP_K_OVERLAP = "top_k_overlap";

  private final MeasurementIndex index;
  private final SeedReadings readings;
  /** Per reading (pooled or a seed's) and compute budget, the run as it stood there: read once, drawn often. */
  private final Map<List<Object>, MeasurementIndex> budgetRuns = new HashMap<>();

  public ReportCharts(SeedReadings readings) {
    this.readings = requireNonNull(readings, "readings is null");
    this.index = readings.pooled();
  }

  public List<ChartSection> sections() {
    return List.of(
        new ChartSection("Test-time compute", "The primary metric against the iterations given at inference, one "
            + "line per evaluated level; the dashed line marks the iterations the model trained with.",
            testTimeCompute()),
        new ChartSection("Difficulty", "The primary metric at each model's full iteration budget against the "
            + "level's difficulty, one line per model.", difficulty()),
        new ChartSection("Compositional games", "Each metric against the game's log2 count of distinct answer "
            + "subsets, one line per model variant.", games()),
        new ChartSection("Entropy and representation dimension", "Prediction entropy against the contrastive "
            + "models' representation dimension d, one line per game.", entropyByDimension()),
        new ChartSection("Training compute", "Each model's primary metric, at its best iteration count, against "
            + "the training FLOPs it had when evaluated (the suite's compute budgets, the same for every model of a "
            + "task), one chart per level; and the linear probe's R^2 of the token embeddings for what the tokens "
            + "stand for, beside its control fitted to shuffled targets.", trainingCompute()),
        new ChartSection("Training curves", "Each metric the models logged while training, against the update; "
            + "and each training accuracy against the wall time, to compare speed.", training()));
  }

  private List<JFreeChart> testTimeCompute() {
    Map<List<String>, LineChart> charts = new LinkedHashMap<>();
    for (String task : tasks()) {
      for (String level : index.evaluatedLevels(task)) { // lines in level order: legends read from easy to hard
        for (Measurement m : index.all()) {
          if (m.task().equals(task) && m.evalLevel().equals(level) && isPrimary(m)) {
            charts.computeIfAbsent(List.of(task, m.model(), m.trainLevel()), cell -> testTimeComputeChart(m))
                .add(level, m.iterations(), m, readings.bySeed());
          }
        }
      }
    }
    return built(charts.values());
  }

  private LineChart testTimeComputeChart(Measurement m) {
    LineChart chart = chart(m.model() + " on " + m.task() + ": " + m.metric() + " vs iterations",
        "iterations (log2)", m.task(), m.metric()).log2X().subtitle("trained on " + m.trainLevel());
    int trained = index.run().trainedIterations(m.model(), m.task(), m.trainLevel());
    return trained > 0 ? chart.markX(trained, "T = " + trained) : chart;
  }

  private List<JFreeChart> difficulty() {
    List<LineChart> charts = new ArrayList<>();
    for (String task : tasks()) {
      if (retrieval(task)) {
        continue; // the games section draws these
      }
      String metric = index.primaryMetric(task).orElseThrow();
      LineChart chart = chart(task + ": " + metric + " vs difficulty", "level difficulty", task, metric)
          .subtitle(levelNames(task));
      List<Measurement> atBudget = index.all().stream().filter(m -> m.task().equals(task)
          && m.metric().equals(metric) && m.iterations() == index.budget(m.model(), task, m.trainLevel())).toList();
      // A model trained on several levels gets a line for each; otherwise its name is enough.
      Map<String, Long> trainLevels = atBudget.stream().map(m -> List.of(m.model(), m.trainLevel())).distinct()
          .collect(Collectors.groupingBy(cell -> cell.get(0), Collectors.counting()));
      atBudget.forEach(m -> chart.add(trainLevels.get(m.model()) > 1 ? m.model() + " (trained on "
          + m.trainLevel() + ")" : m.model(), m.evalDifficulty(), m, readings.bySeed()));
      charts.add(chart);
    }
    return built(charts);
  }

  private List<JFreeChart> games() {
    List<LineChart> charts = new ArrayList<>();
    for (String task : tasks()) {
      if (!retrieval(task) || ConvergenceBoard.measures(index.run().tasks().get(task))) {
        continue; // a joint's mutual information is no count of answer subsets: its board is its table
      }
      for (String metric : new LinkedHashSet<>(List.of(index.primaryMetric(task).orElseThrow(), TOP_K_OVERLAP))) {
        LineChart chart = chart(task + ": " + metric + " vs log2 answer subsets", "log2 distinct answer subsets",
            task, metric).subtitle(levelNames(task));
        for (String model : index.models(task)) {
          for (String level : index.evaluatedLevels(task)) {
            index.atBudget(model, task, level, metric)
                .ifPresent(m -> chart.add(model, m.evalDifficulty(), m, readings.bySeed()));
          }
        }
        charts.add(chart);
      }
    }
    return built(charts);
  }

  private List<JFreeChart> entropyByDimension() {
    List<LineChart> charts = new ArrayList<>();
    for (String task : tasks()) {
      Set<String> entropies = index.all().stream()
          .filter(m -> m.task().equals(task) && m.metric().startsWith("entropy")).map(Measurement::metric)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      for (String metric : entropies) {
        LineChart chart = chart(task + ": " + metric + " vs representation dimension d", "d (log2)", task, metric)
            .log2X();
        for (String level : index.evaluatedLevels(task)) {
          for (String model : index.models(task)) {
            Optional<Integer> d = MeasurementIndex.dimension(model);
            if (d.isPresent()) {
              index.atBudget(model, task, level, metric)
                  .ifPresent(m -> chart.add(level, d.get(), m, readings.bySeed()));
            }
          }
        }
        charts.add(chart);
      }
    }
    return built(charts);
  }

  private List<JFreeChart> trainingCompute() {
    Board board = ComputeBoard.build(index.run());
    Map<List<String>, LineChart> charts = new LinkedHashMap<>();
    Map<String, LineChart> probes = new LinkedHashMap<>();
    Set<List<Object>> probed = new HashSet<>(); // the board repeats a cell's probe on every level
    for (List<Object> row : board.rows()) {
      String task = (String) cell(board, row, Column.TASK.id());
      String level = (String) cell(board, row, Column.EVAL_LEVEL.id());
      String model = (String) cell(board, row, Column.MODEL.id());
      double budget = (Double) cell(board, row, Column.BUDGET_FLOPS.id());
      String metric = index.primaryMetric(task).orElseThrow();
      Measurement best = atComputeBudget(index, budget).get(new Measurement.Key(model, task,
          (String) cell(board, row, Column.TRAIN_LEVEL.id()), level,
          (Integer) cell(board, row, ComputeBoard.BEST_ITERATIONS), metric)).orElseThrow();
      Map<Long, MeasurementIndex> seeds = new LinkedHashMap<>();
      readings.bySeed().forEach((seed, atSeed) -> seeds.put(seed, atComputeBudget(atSeed, budget)));
      charts.computeIfAbsent(List.of(task, level), k -> chart(task + " " + level + ": best over iterations vs "
              + "training FLOPs", "training FLOPs (log2)", task, metric).log2X())
          .add(model, budget, best, seeds);
      if (cell(board, row, Column.PROBE_R2.id()) instanceof Double r2 && probed.add(List.of(task, model, budget))) {
        LineChart probe = probes.computeIfAbsent(task, t -> new LineChart(t + ": linear probe R^2 vs training FLOPs",
            "training FLOPs (log2)", RunFormat.PROBE_R2).log2X());
        // the board's fits are means over the seeds, without an interval
        probe.point(model, budget, r2, Double.NaN, Double.NaN, best.seeds());
        probe.point(model + " (shuffled)", budget, (Double) cell(board, row, Column.PROBE_R2_SHUFFLED.id()), Double.NaN,
            Double.NaN, best.seeds());
      }
    }
    List<LineChart> all = new ArrayList<>(charts.values());
    all.addAll(probes.values());
    return built(all);
  }

  /** The run of {@code reading} (pooled, or one seed's) as it stood at a compute budget. */
  private MeasurementIndex atComputeBudget(MeasurementIndex reading, double budget) {
    return budgetRuns.computeIfAbsent(List.of(reading, budget),
        k -> new MeasurementIndex(reading.run().atComputeBudget(budget, List.of())));
  }

  private static Object cell(Board board, List<Object> row, String column) {
    return row.get(board.header().indexOf(column));
  }

  private List<JFreeChart> training() {
    Map<List<String>, LineChart> charts = new LinkedHashMap<>();
    Map<List<String>, List<TrainingPoint>> curves = index.run().training().stream()
        // training FLOPs: a straight line per model; the training compute section draws what they buy
        .filter(p -> !p.metric().equals(RunFormat.TRAINING_FLOPS))
        .collect(Collectors.groupingBy(p -> List.of(p.task(), p.metric(), p.model(), p.trainLevel()),
            LinkedHashMap::new, Collectors.toList()));
    curves.forEach((curve, points) -> {
      String task = curve.get(0);
      String metric = curve.get(1);
      String line = curve.get(2) + " (trained on " + curve.get(3) + ")";
      curve(charts.computeIfAbsent(List.of(task, metric),
          k -> new LineChart(task + ": training " + metric, "update", metric)), line, points, TrainingPoint::update);
      if (metric.startsWith(RunFormat.TRAINING_PREFIX)) {
        curve(charts.computeIfAbsent(List.of(task, metric, "wall time"),
                k -> new LineChart(task + ": training " + metric + " vs wall time", "seconds", metric)), line, points,
            TrainingPoint::wallSeconds);
      }
    });
    return built(charts.values());
  }

  /**
   * A training curve of one or more seeds: at each update, the mean of the seeds' values at the
   * mean of their {@code x} (the update, or the wall time each seed took to reach it); with several
   * seeds, each seed's own curve faintly.
   */
  private static void curve(LineChart chart, String line, List<TrainingPoint> points,
      ToDoubleFunction<TrainingPoint> x) {
    Map<Long, List<TrainingPoint>> byUpdate = points.stream()
        .collect(Collectors.groupingBy(TrainingPoint::update, TreeMap::new, Collectors.toList()));
    byUpdate.values().forEach(seeds -> chart.point(line, seeds.stream().mapToDouble(x).average().orElseThrow(),
        seeds.stream().mapToDouble(TrainingPoint::value).average().orElseThrow(), Double.NaN, Double.NaN,
        seeds.size()));
    if (points.stream().map(TrainingPoint::seed).distinct().count() > 1) {
      points.forEach(p -> chart.seedPoint(line, p.seed(), x.applyAsDouble(p), p.value()));
    }
  }

  /** A chart of a task's metric; a fraction gets the 0 to 1 axis. */
  private LineChart chart(String title, String xLabel, String task, String metric) {
    LineChart chart = new LineChart(title, xLabel, metric);
    return index.run().tasks().get(task).unit(metric).equals(Metric.FRACTION) ? chart.fractionY() : chart;
  }

  private List<String> tasks() {
    return index.all().stream().map(Measurement::task).distinct().filter(index.run().tasks()::containsKey).sorted()
        .toList();
  }

  private boolean retrieval(String task) {
    return index.run().tasks().get(task).retrieval();
  }

  private boolean isPrimary(Measurement m) {
    return index.primaryMetric(m.task()).orElse("").equals(m.metric());
  }

  /** E.g. "levels: b6 = 6, b8 = 8, minimal = 11.55", so that the x axis reads back to level names. */
  private String levelNames(String task) {
    return "levels: " + index.difficulties(task).entrySet().stream()
        .map(level -> level.getKey() + " = " + Numbers.text(level.getValue())).collect(Collectors.joining(", "));
  }

  private static List<JFreeChart> built(Collection<LineChart> charts) {
    return charts.stream().filter(LineChart::hasLines).map(LineChart::build).toList();
  }
}
