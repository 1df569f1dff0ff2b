package dev.reckon.reports.measurements;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Cell;
import dev.reckon.reports.format.RunResults.TaskInfo;
import dev.reckon.reports.format.RunResults.TrainingPoint;
import dev.reckon.reports.measurements.Measurement.Key;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A run's measurements (averaged over seeds) with the look-ups that charts and claims share: a
 * cell's full iteration budget, a model's number on a level at that budget, the levels of a task
 * in order of difficulty, a model's representation dimension; and the per-example outcomes behind
 * the numbers, by seed.
 */
public final class MeasurementIndex {
  /** A contrastive variant names its representation dimension, e.g. {@code contrastive-d16}. */
  private static final Pattern DIMENSION = Pattern.compile("-d(\\d+)$");

  private final RunResults run;
  private final Map<Key, Measurement> measurements;
  private final OutcomeIndex outcomes;
  private final Map<List<String>, Integer> budgets = new LinkedHashMap<>();
  private final Map<List<Object>, List<TrainingPoint>> curves;

  public MeasurementIndex(RunResults run) {
    this.run = requireNonNull(run, "run is null");
    this.measurements = Measurement.of(run);
    this.outcomes = new OutcomeIndex(run);
    // Rules ask for one cell's points at a time; a run has tens of thousands of them.
    this.curves = run.training().stream().collect(Collectors.groupingBy(
        p -> List.of(p.model(), p.task(), p.trainLevel(), p.seed()), LinkedHashMap::new, Collectors.toList()));
    for (Measurement m : measurements.values()) {
      budgets.merge(List.of(m.model(), m.task(), m.trainLevel()), m.iterations(), Math::max);
    }
  }

  public RunResults run() {
    return run;
  }

  public Collection<Measurement> all() {
    return measurements.values();
  }

  public Optional<Measurement> get(Key key) {
    return Optional.ofNullable(measurements.get(key));
  }

  /** Every training point of a cell (training.csv), in the order logged. */
  public List<TrainingPoint> trainingPoints(Cell cell) {
    return curves.getOrDefault(List.of(cell.model(), cell.task(), cell.trainLevel(), cell.seed()), List.of());
  }

  /** The run's per-example outcomes, by number and seed. */
  public OutcomeIndex outcomes() {
    return outcomes;
  }

  /** The largest iteration count a cell was evaluated at: the model's full budget. */
  public int budget(String model, String task, String trainLevel) {
    return budgets.getOrDefault(List.of(model, task, trainLevel), 0);
  }

  /**
   * A model's {@code metric} on an evaluated level at its full budget. When the model was trained
   * on several levels of the task, the cell trained on that very level is preferred (a retrieval
   * game is usually trained and evaluated alone), else the first one in the results.
   */
  public Optional<Measurement> atBudget(String model, String task, String evalLevel, String metric) {
    return measurements.values().stream()
        .filter(m -> m.model().equals(model) && m.task().equals(task) && m.evalLevel().equals(evalLevel)
            && m.metric().equals(metric) && m.iterations() == budget(model, task, m.trainLevel()))
        .min(Comparator.comparing(m -> !m.trainLevel().equals(evalLevel)));
  }

  /** The levels of a task that have results, easiest first (by difficulty, then manifest order). */
  public List<String> evaluatedLevels(String task) {
    return List.copyOf(difficulties(task).keySet());
  }

  /** Per evaluated level of a task, its difficulty; easiest first, as {@link #evaluatedLevels}. */
  public Map<String, Double> difficulties(String task) {
    Map<String, Double> difficulty = new LinkedHashMap<>();
    measurements.values().stream().filter(m -> m.task().equals(task))
        .forEach(m -> difficulty.putIfAbsent(m.evalLevel(), m.evalDifficulty()));
    Map<String, Double> ordered = new LinkedHashMap<>();
    difficulty.keySet().stream()
        .sorted(Comparator.comparing((String level) -> difficulty.get(level))
            .thenComparing(level -> declaredIndex(run, task, level)))
        .forEach(level -> ordered.put(level, difficulty.get(level)));
    return ordered;
  }

  /** The models with results on a task, in the order they first appear. */
  public List<String> models(String task) {
    return measurements.values().stream().filter(m -> m.task().equals(task)).map(Measurement::model).distinct()
        .toList();
  }

  /** The task's primary metric, or empty when the run's manifest does not describe the task. */
  public Optional<String> primaryMetric(String task) {
    return Optional.ofNullable(run.tasks().get(task)).map(TaskInfo::primaryMetric);
  }

  public boolean higherIsBetter(String task, String metric) {
    TaskInfo info = run.tasks().get(task);
    return info == null || info.higherIsBetter(metric);
  }

  /**
   * Measurements easiest level first: by difficulty, then in the order the task declares its levels,
   * as {@link #evaluatedLevels} (a level named by id, e.g. prefix sums' {@code n8}, is not among the
   * declared ones but has its difficulty).
   */
  public static Comparator<Measurement> easiestFirst(RunResults run) {
    return Comparator.comparingDouble(Measurement::evalDifficulty)
        .thenComparingInt(m -> declaredIndex(run, m.task(), m.evalLevel()));
  }

  /** Where the task declares {@code level}; after every declared one when it does not. */
  private static int declaredIndex(RunResults run, String task, String level) {
    TaskInfo info = run.tasks().get(task);
    int index = info == null ? -1 : info.levels().indexOf(level);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /** The representation dimension d in a model id like {@code contrastive-d16}, if it has one. */
  public static Optional<Integer> dimension(String model) {
    Matcher matcher = DIMENSION.matcher(model);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }
}
