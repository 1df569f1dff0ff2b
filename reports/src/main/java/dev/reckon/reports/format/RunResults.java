package dev.reckon.reports.format;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunFormat.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * What a run directory says, read from its files alone (results.csv, cells.csv, training.csv,
 * manifest.json): reports never need the plugins or the runner's memory. A stored baseline may
 * hold results.csv alone; the other files then read as empty.
 *
 * @param directory the run directory
 * @param id the run id (the manifest's, else the directory name)
 * @param about what the manifest says of the run, for people: suite, device, engine, times, version
 * @param results every row of results.csv
 * @param cells per cell, its last line in cells.csv (a resumed run may have retried it)
 * @param training every row of training.csv
 * @param compute every row of budgets.csv: the evaluations at compute budgets and the probe's fits
 * @param outcomes every row of outcomes.csv: which examples each proportion counted (none in runs
 *     of format 2, or of tasks that give no outcomes)
 * @param tasks per task id, its primary metric, metric directions and units, format and level order
 * @param iterationMeanings per model id, what one iteration of its test-time compute axis is (as
 *     the model declares it; empty for runs made before models declared it)
 * @param offered the ids of the tasks and models the run's plugins offered, run or not (the
 *     manifest's plugins); empty when it does not say
 */
public record RunResults(Path directory, String id, Map<String, String> about, List<Result> results,
    List<Cell> cells, List<TrainingPoint> training, List<ComputePoint> compute, List<Outcomes> outcomes,
    Map<String, TaskInfo> tasks, Map<String, String> iterationMeanings, Set<String> offered) {
  private static final String RESULTS = Table.RESULTS.file();
  private static final String MANIFEST = RunFormat.MANIFEST;

  public RunResults {
    requireNonNull(directory, "directory is null");
    requireNonNull(id, "id is null");
    about = Collections.unmodifiableMap(new LinkedHashMap<>(about));
    results = List.copyOf(results);
    cells = List.copyOf(cells);
    training = List.copyOf(training);
    compute = List.copyOf(compute);
    outcomes = List.copyOf(outcomes);
    tasks = Map.copyOf(tasks);
    offered = Set.copyOf(offered);
  }

  /** One row of results.csv. */
  public record Result(String model, String task, String trainLevel, String evalLevel, double evalDifficulty,
      int iterations, String metric, long seed, double value, int n, double ciLow, double ciHigh) {}

  /**
   * One cell of cells.csv.
   *
   * @param status {@code done}, {@code failed} or {@code skipped}
   * @param trainedIterations the iteration count the model trained with, 0 when it has none
   * @param trainSeconds wall time of training, NaN when not recorded
   * @param collapseUpdate the update where its training collapsed, 0 when it did not
   * @param collapse what collapsed, empty when nothing did
   * @param trainingFlops the training FLOPs the model reported in all, NaN when it reports none
   * @param probeR2 the linear probe's R^2 after training, NaN when there was no probe
   * @param probeR2Shuffled its control's, NaN when there was no probe
   * @param trainDataSha256 the sha256 of its training examples, empty when not recorded
   * @param evalDataSha256 per evaluated level, the sha256 of its examples (empty before format 3)
   * @param config the model's settings as it ran, a value as text ({@link CellSettings})
   * @param taskConfig the task's, likewise
   */
  public record Cell(String model, String task, String trainLevel, long seed, String status, String reason,
      int trainedIterations, double trainSeconds, int collapseUpdate, String collapse, double trainingFlops,
      double probeR2, double probeR2Shuffled, String trainDataSha256, Map<String, String> evalDataSha256,
      Map<String, String> config, Map<String, String> taskConfig) {
    public Cell {
      evalDataSha256 = Map.copyOf(evalDataSha256);
      config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
      taskConfig = Collections.unmodifiableMap(new LinkedHashMap<>(taskConfig));
    }
  }

  /**
   * One row of outcomes.csv: which of the {@code n} examples of a cell's evaluation set on {@code
   * evalLevel} the proportion {@code metric} counted at {@code iterations}.
   */
  public record Outcomes(String model, String task, String trainLevel, long seed, String evalLevel, int iterations,
      String metric, int n, BitSet counted) {
    public Outcomes {
      counted = (BitSet) counted.clone();
    }

    @Override
    public BitSet counted() {
      return (BitSet) counted.clone();
    }
  }

  /**
   * One row of budgets.csv: where in training a model was evaluated at a compute budget, and what
   * it scored there, as a row of results.csv; a fit of the linear probe ({@link RunFormat#PROBE_R2},
   * {@link RunFormat#PROBE_R2_SHUFFLED}) has no level and iterations 0.
   *
   * @param budget the suite's budget, in training FLOPs
   * @param update the update after which the model's training FLOPs first reached it
   * @param trainingFlops the model's training FLOPs there
   */
  public record ComputePoint(double budget, long update, double trainingFlops, Result result) {}

  /** One row of training.csv: a point of a training curve. */
  public record TrainingPoint(String model, String task, String trainLevel, long seed, long update, String metric,
      double value, double wallSeconds) {}

  /**
   * @param format the id of the task's data shape, e.g. {@code labeling} or {@code retrieval} (runs
   *     of api 1 wrote them in capitals)
   * @param primaryMetric the metric that ranks leaderboards
   * @param higherIsBetter per metric id, its direction
   * @param units per metric id, its unit ({@code fraction}, {@code nats}, ...)
   * @param levels the level ids, easiest first
   * @param referenceSolver whether the task has an exact solver: the oracle must score the primary
   *     metric's best on it ({@code Task.referenceSolver()})
   * @param classicalReferences the models the task names as exact classical references ({@code
   *     Task.classicalReferences()}); none in runs made before tasks declared them
   */
  public record TaskInfo(String id, String format, String primaryMetric, Map<String, Boolean> higherIsBetter,
      Map<String, String> units, List<String> levels, boolean referenceSolver, List<String> classicalReferences) {
    public TaskInfo {
      higherIsBetter = Map.copyOf(higherIsBetter);
      units = Map.copyOf(units);
      levels = List.copyOf(levels);
      classicalReferences = List.copyOf(classicalReferences);
    }

    /** Whether the task scores keys against queries: the compositional board's tasks. */
    public boolean retrieval() {
      return format.equalsIgnoreCase("retrieval");
    }

    public boolean higherIsBetter(String metric) {
      return higherIsBetter.getOrDefault(metric, true);
    }

    /**
     * The training curve of the primary metric on the training batches, as the models name it
     * ({@code train_puzzle_accuracy}): the curve the efficiency board and claims read speed from.
     */
    public String trainingMetric() {
      return RunFormat.TRAINING_PREFIX + primaryMetric;
    }

    /** The metric's unit, or an empty string when the manifest does not say. */
    public String unit(String metric) {
      return units.getOrDefault(metric, "");
    }
  }

  /**
   * The columns of cells.csv a reader needs: those of the first runs; a column added since reads as
   * empty where it is absent.
   */
  private static final List<Column> CELL_COLUMNS = List.of(Column.MODEL, Column.TASK, Column.TRAIN_LEVEL, Column.SEED,
      Column.STATUS, Column.REASON, Column.TRAINED_ITERATIONS, Column.TRAIN_SECONDS);

  /**
   * Reads a run directory, or a stored baseline holding at least its results.csv.
   *
   * @throws IllegalArgumentException when {@code directory} has neither results.csv nor
   *     manifest.json, or when one of its tables or its manifest is malformed (not UTF-8, a line
   *     cut short, a value where a number belongs that is none, ...), naming the file, the line
   *     and the column, or when a row of outcomes.csv counts examples that do not make the value
   *     results.csv holds for the same number, naming the row and both numbers
   */
  public static RunResults read(Path directory) {
    return read(directory, false);
  }

  /**
   * Reads the baseline of a regression check: a run directory, or a directory holding a run's
   * results.csv, that must hold numbers, every one of them finite.
   *
   * @throws IllegalArgumentException as {@link #read}, and when results.csv is missing, empty or
   *     holds only its header, or when a value or interval in it is NaN or infinite (naming the
   *     line and the column)
   */
  public static RunResults readBaseline(Path directory) {
    Path file = directory.resolve(RESULTS);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("the baseline " + directory + " holds no numbers: it has no " + RESULTS);
    }
    RunResults baseline = read(directory, true);
    if (baseline.results().isEmpty()) {
      boolean empty;
      try {
        empty = Files.size(file) == 0;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      throw new IllegalArgumentException("the baseline " + directory + " holds no numbers: " + file
          + (empty ? " is empty" : " has a header and no rows"));
    }
    return baseline;
  }

  private static RunResults read(Path directory, boolean finiteOnly) {
    if (!Files.isRegularFile(directory.resolve(RESULTS)) && !Files.isRegularFile(directory.resolve(MANIFEST))) {
      throw new IllegalArgumentException(directory + " is not a run directory: it has neither " + RESULTS + " nor "
          + MANIFEST);
    }
    JsonNode manifest = manifest(directory);
    int version = manifest.path("formatVersion").asInt(RunFormat.VERSION);
    if (version > RunFormat.VERSION) {
      throw new IllegalArgumentException(directory + " is a run directory of format " + version + ", newer than the "
          + "format " + RunFormat.VERSION + " this reckon reads; read it with the reckon that wrote it");
    }
    List<Result> results = TableReader.read(Table.RESULTS.in(directory), Table.RESULTS.columns(), row -> {
      Result result = new Result(row.text(Column.MODEL), row.text(Column.TASK), row.text(Column.TRAIN_LEVEL),
          row.text(Column.EVAL_LEVEL), row.decimal(Column.EVAL_DIFFICULTY), row.smallWhole(Column.ITERATIONS),
          row.text(Column.METRIC), row.whole(Column.SEED), row.decimal(Column.VALUE), row.smallWhole(Column.N),
          row.decimal(Column.CI_LOW), row.decimal(Column.CI_HIGH));
      if (finiteOnly) {
        for (Column column : List.of(Column.VALUE, Column.CI_LOW, Column.CI_HIGH)) {
          double value = row.decimal(column);
          if (!Double.isFinite(value)) {
            throw row.error(column, value + " is not a finite number, and every number of a baseline must be (make "
                + "the baseline from a run you trust)");
          }
        }
      }
      return result;
    });
    Map<List<Object>, Cell> cells = new LinkedHashMap<>();
    for (Cell cell : TableReader.read(Table.CELLS.in(directory), CELL_COLUMNS, row -> new Cell(row.text(Column.MODEL),
        row.text(Column.TASK), row.text(Column.TRAIN_LEVEL), row.whole(Column.SEED), row.text(Column.STATUS),
        row.optional(Column.REASON), row.smallWhole(Column.TRAINED_ITERATIONS, 0),
        row.decimal(Column.TRAIN_SECONDS, Double.NaN), row.smallWhole(Column.COLLAPSE_UPDATE, 0),
        row.optional(Column.COLLAPSE), row.decimal(Column.TRAINING_FLOPS, Double.NaN),
        row.decimal(Column.PROBE_R2, Double.NaN), row.decimal(Column.PROBE_R2_SHUFFLED, Double.NaN),
        row.optional(Column.TRAIN_DATA_SHA256), levelHashes(row), CellSettings.read(row, Column.CONFIG),
        CellSettings.read(row, Column.TASK_CONFIG)))) {
      cells.put(List.of(cell.model(), cell.task(), cell.trainLevel(), cell.seed()), cell);
    }
    List<TrainingPoint> training = TableReader.read(Table.TRAINING.in(directory), Table.TRAINING.columns(),
        row -> new TrainingPoint(row.text(Column.MODEL), row.text(Column.TASK), row.text(Column.TRAIN_LEVEL),
            row.whole(Column.SEED), row.whole(Column.UPDATE), row.text(Column.METRIC), row.decimal(Column.VALUE),
            row.decimal(Column.WALL_SECONDS)));
    List<ComputePoint> compute = TableReader.read(Table.BUDGETS.in(directory), Table.BUDGETS.columns(),
        row -> new ComputePoint(row.decimal(Column.BUDGET_FLOPS), row.whole(Column.UPDATE),
            row.decimal(Column.TRAINING_FLOPS), new Result(row.text(Column.MODEL), row.text(Column.TASK),
                row.text(Column.TRAIN_LEVEL), row.optional(Column.EVAL_LEVEL),
                row.decimal(Column.EVAL_DIFFICULTY, Double.NaN), row.smallWhole(Column.ITERATIONS, 0),
                row.text(Column.METRIC), row.whole(Column.SEED), row.decimal(Column.VALUE), row.smallWhole(Column.N),
                row.decimal(Column.CI_LOW, Double.NaN), row.decimal(Column.CI_HIGH, Double.NaN))));
    Map<List<Object>, Result> numbers = new HashMap<>();
    results.forEach(r -> numbers.put(List.of(r.model(), r.task(), r.trainLevel(), r.seed(), r.evalLevel(),
        r.iterations(), r.metric()), r));
    List<Outcomes> outcomes = TableReader.read(Table.OUTCOMES.in(directory), Table.OUTCOMES.columns(),
        row -> agreeing(row, outcomes(row), numbers));
    String id = manifest.path("runId").asText(String.valueOf(directory.toAbsolutePath().normalize().getFileName()));
    Map<String, String> meanings = new HashMap<>();
    manifest.path("models").forEach(model -> meanings.put(model.path("id").asText(),
        model.path("iterationMeaning").asText("")));
    Set<String> offered = new HashSet<>();
    for (JsonNode plugin : manifest.path("plugins")) {
      plugin.path("tasks").forEach(task -> offered.add(task.asText()));
      plugin.path("models").forEach(model -> offered.add(model.asText()));
    }
    return new RunResults(directory, id, about(manifest), results, List.copyOf(cells.values()), training, compute,
        outcomes, tasks(manifest), Map.copyOf(meanings), offered);
  }

  /** The compute budgets the run evaluated {@code task} at, ascending. */
  public List<Double> computeBudgets(String task) {
    return compute.stream().filter(p -> p.result().task().equals(task)).map(ComputePoint::budget).distinct().sorted()
        .toList();
  }

  /**
   * The run as it stood at a compute budget: its results are the scores of budgets.csv at {@code
   * budget} (not the probe's fits), so that a leaderboard or a rule reads them as it reads a run;
   * and the final results of {@code baselines}, models that do not train, which stand where they
   * stand at every budget.
   */
  public RunResults atComputeBudget(double budget, List<String> baselines) {
    List<Result> scores = Stream.concat(compute.stream()
            .filter(p -> p.budget() == budget && p.result().iterations() > 0).map(ComputePoint::result),
        results.stream().filter(r -> baselines.contains(r.model()))).toList();
    return new RunResults(directory, id, about, scores, cells, List.of(), List.of(), List.of(), tasks,
        iterationMeanings, offered);
  }

  /** The run's training seeds (of results.csv and cells.csv), ascending. */
  public List<Long> seeds() {
    return Stream.concat(results.stream().map(Result::seed), cells.stream().map(Cell::seed)).distinct().sorted()
        .toList();
  }

  /**
   * The run as one training seed saw it: every table's rows of {@code seed}, for the models run at
   * several seeds; a model run at one seed (a baseline, a classical reference: nothing to train, or
   * trained once) stands as it is at every seed.
   */
  public RunResults atSeed(long seed) {
    Map<String, Set<Long>> seedsOf = new HashMap<>();
    results.forEach(r -> seedsOf.computeIfAbsent(r.model(), m -> new HashSet<>()).add(r.seed()));
    cells.forEach(c -> seedsOf.computeIfAbsent(c.model(), m -> new HashSet<>()).add(c.seed()));
    BiPredicate<String, Long> kept = (model, at) -> at == seed || seedsOf.getOrDefault(model, Set.of()).size() < 2;
    return new RunResults(directory, id, about, results.stream().filter(r -> kept.test(r.model(), r.seed())).toList(),
        cells.stream().filter(c -> kept.test(c.model(), c.seed())).toList(),
        training.stream().filter(p -> kept.test(p.model(), p.seed())).toList(),
        compute.stream().filter(p -> kept.test(p.result().model(), p.result().seed())).toList(),
        outcomes.stream().filter(o -> kept.test(o.model(), o.seed())).toList(), tasks, iterationMeanings, offered);
  }

  /** The suite the run ran, as its manifest names it; empty for a baseline without a manifest. */
  public Optional<String> suite() {
    return Optional.ofNullable(about.get("suite"));
  }

  /**
   * When the run started, as its manifest says; empty for a baseline without a manifest.
   *
   * @throws IllegalArgumentException when the manifest's start is no instant, naming the file
   */
  public Optional<Instant> startedAt() {
    String started = about.get("started");
    try {
      return Optional.ofNullable(started).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(directory.resolve(MANIFEST) + ": startedAt '" + started + "' is not an "
          + "instant as Reckon writes it (2026-01-01T00:00:00Z)", e);
    }
  }

  /** The iteration count a model was trained with on a task and level, or 0 when it has none. */
  public int trainedIterations(String model, String task, String trainLevel) {
    return cells.stream()
        .filter(c -> c.model().equals(model) && c.task().equals(task) && c.trainLevel().equals(trainLevel))
        .mapToInt(Cell::trainedIterations).max().orElse(0);
  }

  private static Outcomes outcomes(TableReader.Row row) {
    int n = row.smallWhole(Column.N);
    try {
      return new Outcomes(row.text(Column.MODEL), row.text(Column.TASK), row.text(Column.TRAIN_LEVEL),
          row.whole(Column.SEED), row.text(Column.EVAL_LEVEL), row.smallWhole(Column.ITERATIONS),
          row.text(Column.METRIC), n, OutcomeBits.decode(row.text(Column.OUTCOMES), n));
    } catch (IllegalArgumentException e) {
      throw row.error(Column.OUTCOMES, e.getMessage());
    }
  }

  /**
   * {@code outcomes}, if the examples they count make the value results.csv holds for their number
   * and seed ({@code numbers}, keyed as there): a check or a comparison pairs runs by the outcomes
   * and reports the values, so a table edited without the other would be judged on examples that
   * are not its numbers' (a results.csv weakened by hand would pass on the outcomes left as they
   * were). A value that is not finite, or missing, is left to the readers, which name it as such
   * (check fails it; a baseline may not hold one).
   */
  private static Outcomes agreeing(TableReader.Row row, Outcomes outcomes, Map<List<Object>, Result> numbers) {
    Result result = numbers.get(List.of(outcomes.model(), outcomes.task(), outcomes.trainLevel(), outcomes.seed(),
        outcomes.evalLevel(), outcomes.iterations(), outcomes.metric()));
    int counted = outcomes.counted().cardinality();
    double value = (double) counted / outcomes.n();
    // Within a rounding: the runner writes both from one count, and value is that count / n.
    if (result != null && Double.isFinite(result.value()) && Math.abs(value - result.value()) >= 1e-9) {
      throw row.error(Column.OUTCOMES, String.format(Locale.ROOT, "%s on %s (train %s, eval %s, %d iterations, "
              + "seed %d): %s counts %d of %d examples, %s, but %s holds %s; one of the two files was changed "
              + "without the other", outcomes.model(), outcomes.task(), outcomes.trainLevel(), outcomes.evalLevel(),
          outcomes.iterations(), outcomes.seed(), outcomes.metric(), counted, outcomes.n(), value, RESULTS,
          result.value()));
    }
    return outcomes;
  }

  /** The {@link Column#EVAL_DATA_SHA256} of a cells.csv row: a JSON object from level id to sha256. */
  private static Map<String, String> levelHashes(TableReader.Row row) {
    String text = row.optional(Column.EVAL_DATA_SHA256);
    if (text.isEmpty()) {
      return Map.of();
    }
    try {
      JsonNode levels = new ObjectMapper().readTree(text);
      if (levels == null || !levels.isObject()) {
        throw row.error(Column.EVAL_DATA_SHA256, "is not a JSON object from level id to sha256");
      }
      Map<String, String> hashes = new LinkedHashMap<>();
      levels.fields().forEachRemaining(level -> hashes.put(level.getKey(), level.getValue().asText()));
      return hashes;
    } catch (JsonProcessingException e) {
      throw row.error(Column.EVAL_DATA_SHA256, "is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The manifest, or an empty node for a stored baseline without one. */
  private static JsonNode manifest(Path directory) {
    Path file = directory.resolve(MANIFEST);
    if (!Files.exists(file)) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode manifest = new ObjectMapper().readTree(file.toFile());
      if (manifest == null || !manifest.isObject()) {
        throw new IllegalArgumentException(file + " is not a manifest Reckon wrote: it holds no JSON object");
      }
      return manifest;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException(file + (at == null ? "" : " line " + at.getLineNr() + " column "
          + at.getColumnNr()) + " is not JSON as Reckon writes it: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Map<String, String> about(JsonNode manifest) {
    Map<String, String> about = new LinkedHashMap<>();
    about.put("suite", manifest.at("/suite/name").asText(""));
    about.put("device", manifest.at("/environment/device").asText(""));
    about.put("engine", (manifest.at("/environment/engine").asText("") + " "
        + manifest.at("/environment/engineVersion").asText("")).trim());
    about.put("started", toSeconds(manifest.path("startedAt").asText("")));
    about.put("finished", toSeconds(manifest.path("finishedAt").asText("")));
    about.put("harness", manifest.at("/harness/version").asText(""));
    about.values().removeIf(String::isEmpty);
    return about;
  }

  /** An ISO instant without its fraction of a second: people read reports, not logs. */
  private static String toSeconds(String instant) {
    return instant.replaceFirst("\\.\\d+Z$", "Z");
  }

  private static Map<String, TaskInfo> tasks(JsonNode manifest) {
    Map<String, TaskInfo> tasks = new HashMap<>();
    for (JsonNode task : manifest.path("tasks")) {
      Map<String, Boolean> directions = new HashMap<>();
      Map<String, String> units = new HashMap<>();
      for (JsonNode metric : task.path("metrics")) {
        directions.put(metric.path("id").asText(), !metric.path("direction").asText().equals("LOWER_IS_BETTER"));
        units.put(metric.path("id").asText(), metric.path("unit").asText());
      }
      List<String> levels = new ArrayList<>();
      task.path("levels").forEach(level -> levels.add(level.path("id").asText()));
      String id = task.path("id").asText();
      List<String> references = new ArrayList<>();
      task.path("classicalReferences").forEach(model -> references.add(model.asText()));
      tasks.put(id, new TaskInfo(id, task.path("format").asText(), task.path("primaryMetric").asText(), directions,
          units, levels, task.path("referenceSolver").asBoolean(false), references));
    }
    return tasks;
  }
}
