package dev.reckon.reports;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What a run directory says, read from its files alone (results.csv, cells.csv, training.csv,
 * manifest.json): reports never need the plugins or the runner's memory. A stored baseline may
 * hold results.csv alone; the other files then read as empty.
 *
 * @param directory the run directory
 * @param id the run id (the manifest's, else the directory name)
 * @param about what the manifest says of the run, for people: suite, device, times, version
 * @param results every row of results.csv
 * @param cells per cell, its last line in cells.csv (a resumed run may have retried it)
 * @param training every row of training.csv
 * @param tasks per task id, its primary metric, metric directions and units, format and level order
 */
public record RunResults(Path directory, String id, Map<String, String> about, List<Result> results,
    List<Cell> cells, List<TrainingPoint> training, Map<String, TaskInfo> tasks) {
  private static final String RESULTS = "results.csv";
  private static final String MANIFEST = "manifest.json";

  public RunResults {
    requireNonNull(directory, "directory is null");
    requireNonNull(id, "id is null");
    about = Collections.unmodifiableMap(new LinkedHashMap<>(about));
    results = List.copyOf(results);
    cells = List.copyOf(cells);
    training = List.copyOf(training);
    tasks = Map.copyOf(tasks);
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
   */
  public record Cell(String model, String task, String trainLevel, long seed, String status, String reason,
      int trainedIterations, double trainSeconds, int collapseUpdate, String collapse) {}

  /** One row of training.csv: a point of a training curve. */
  public record TrainingPoint(String model, String task, String trainLevel, long seed, long update, String metric,
      double value, double wallSeconds) {}

  /**
   * @param format {@code LABELING} or {@code RETRIEVAL}
   * @param primaryMetric the metric that ranks leaderboards
   * @param higherIsBetter per metric id, its direction
   * @param units per metric id, its unit ({@code fraction}, {@code nats}, ...)
   * @param levels the level ids, easiest first
   */
  public record TaskInfo(String id, String format, String primaryMetric, Map<String, Boolean> higherIsBetter,
      Map<String, String> units, List<String> levels) {
    /** What the models put before a metric's name for its value on their training batches. */
    static final String TRAINING_PREFIX = "train_";

    public TaskInfo {
      higherIsBetter = Map.copyOf(higherIsBetter);
      units = Map.copyOf(units);
      levels = List.copyOf(levels);
    }

    public boolean higherIsBetter(String metric) {
      return higherIsBetter.getOrDefault(metric, true);
    }

    /**
     * The training curve of the primary metric on the training batches, as the models name it
     * ({@code train_puzzle_accuracy}): the curve the efficiency board and claims read speed from.
     */
    public String trainingMetric() {
      return TRAINING_PREFIX + primaryMetric;
    }

    /** The metric's unit, or an empty string when the manifest does not say. */
    public String unit(String metric) {
      return units.getOrDefault(metric, "");
    }
  }

  /**
   * Reads a run directory, or a stored baseline holding at least its results.csv.
   *
   * @throws IllegalArgumentException when {@code directory} has neither results.csv nor manifest.json
   */
  public static RunResults read(Path directory) {
    if (!Files.isRegularFile(directory.resolve(RESULTS)) && !Files.isRegularFile(directory.resolve(MANIFEST))) {
      throw new IllegalArgumentException(directory + " is not a run directory: it has neither " + RESULTS + " nor "
          + MANIFEST);
    }
    List<Result> results = csv(directory.resolve(RESULTS), row -> new Result(row.get("model"), row.get("task"),
        row.get("train_level"), row.get("eval_level"), Double.parseDouble(row.get("eval_difficulty")),
        Integer.parseInt(row.get("iterations")), row.get("metric"), Long.parseLong(row.get("seed")),
        Double.parseDouble(row.get("value")), Integer.parseInt(row.get("n")), Double.parseDouble(row.get("ci_low")),
        Double.parseDouble(row.get("ci_high"))));
    Map<List<Object>, Cell> cells = new LinkedHashMap<>();
    for (Cell cell : csv(directory.resolve("cells.csv"), row -> new Cell(row.get("model"), row.get("task"),
        row.get("train_level"), Long.parseLong(row.get("seed")), row.get("status"), row.get("reason"),
        row.get("trained_iterations").isEmpty() ? 0 : Integer.parseInt(row.get("trained_iterations")),
        row.get("train_seconds").isEmpty() ? Double.NaN : Double.parseDouble(row.get("train_seconds")),
        row.isMapped("collapse_update") && !row.get("collapse_update").isEmpty()
            ? Integer.parseInt(row.get("collapse_update")) : 0,
        row.isMapped("collapse") ? row.get("collapse") : ""))) {
      cells.put(List.of(cell.model(), cell.task(), cell.trainLevel(), cell.seed()), cell);
    }
    List<TrainingPoint> training = csv(directory.resolve("training.csv"), row -> new TrainingPoint(row.get("model"),
        row.get("task"), row.get("train_level"), Long.parseLong(row.get("seed")), Long.parseLong(row.get("update")),
        row.get("metric"), Double.parseDouble(row.get("value")), Double.parseDouble(row.get("wall_seconds"))));
    JsonNode manifest = manifest(directory);
    String id = manifest.path("runId").asText(String.valueOf(directory.toAbsolutePath().normalize().getFileName()));
    return new RunResults(directory, id, about(manifest), results, List.copyOf(cells.values()), training,
        tasks(manifest));
  }

  /** The iteration count a model was trained with on a task and level, or 0 when it has none. */
  public int trainedIterations(String model, String task, String trainLevel) {
    return cells.stream()
        .filter(c -> c.model().equals(model) && c.task().equals(task) && c.trainLevel().equals(trainLevel))
        .mapToInt(Cell::trainedIterations).max().orElse(0);
  }

  /** The manifest, or an empty node for a stored baseline without one. */
  private static JsonNode manifest(Path directory) {
    Path file = directory.resolve(MANIFEST);
    if (!Files.exists(file)) {
      return MissingNode.getInstance();
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static Map<String, String> about(JsonNode manifest) {
    Map<String, String> about = new LinkedHashMap<>();
    about.put("suite", manifest.at("/suite/name").asText(""));
    about.put("device", manifest.at("/environment/device").asText(""));
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
      tasks.put(id, new TaskInfo(id, task.path("format").asText(), task.path("primaryMetric").asText(), directions,
          units, levels));
    }
    return tasks;
  }

  private static <T> List<T> csv(Path file, Function<CSVRecord, T> row) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).stream()
          .map(row).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
