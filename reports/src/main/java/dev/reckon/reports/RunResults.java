package dev.reckon.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What a run directory says, read from its files alone (results.csv, cells.csv, manifest.json):
 * reports never need the plugins or the runner's memory.
 *
 * @param directory the run directory
 * @param results every row of results.csv
 * @param trainedIterations per cell ({@link #cellId}), the iteration count it was trained with, if any
 * @param tasks per task id, its primary metric, metric directions, format and level order
 */
public record RunResults(Path directory, List<Result> results, Map<String, Integer> trainedIterations,
    Map<String, TaskInfo> tasks) {

  /** One row of results.csv. */
  public record Result(String model, String task, String trainLevel, String evalLevel, double evalDifficulty,
      int iterations, String metric, long seed, double value, int n, double ciLow, double ciHigh) {}

  /**
   * @param format {@code LABELING} or {@code RETRIEVAL}
   * @param primaryMetric the metric that ranks leaderboards
   * @param higherIsBetter per metric id, its direction
   * @param levels the level ids, easiest first
   */
  public record TaskInfo(String id, String format, String primaryMetric, Map<String, Boolean> higherIsBetter,
      List<String> levels) {
    public boolean higherIsBetter(String metric) {
      return higherIsBetter.getOrDefault(metric, true);
    }
  }

  public static RunResults read(Path directory) {
    List<Result> results = csv(directory.resolve("results.csv"), row -> new Result(row.get("model"), row.get("task"),
        row.get("train_level"), row.get("eval_level"), Double.parseDouble(row.get("eval_difficulty")),
        Integer.parseInt(row.get("iterations")), row.get("metric"), Long.parseLong(row.get("seed")),
        Double.parseDouble(row.get("value")), Integer.parseInt(row.get("n")), Double.parseDouble(row.get("ci_low")),
        Double.parseDouble(row.get("ci_high"))));
    Map<String, Integer> trained = new HashMap<>();
    for (CSVRecord row : csv(directory.resolve("cells.csv"), Function.identity())) {
      if (!row.get("trained_iterations").isEmpty()) {
        trained.put(cellId(row.get("model"), row.get("task"), row.get("train_level")),
            Integer.parseInt(row.get("trained_iterations")));
      }
    }
    return new RunResults(directory, List.copyOf(results), Map.copyOf(trained), tasks(directory));
  }

  /** The iteration count a model was trained with on a task and level, or 0 when it has none. */
  public int trainedIterations(String model, String task, String trainLevel) {
    return trainedIterations.getOrDefault(cellId(model, task, trainLevel), 0);
  }

  static String cellId(String model, String task, String trainLevel) {
    return model + "\u0000" + task + "\u0000" + trainLevel;
  }

  private static Map<String, TaskInfo> tasks(Path directory) {
    Path file = directory.resolve("manifest.json");
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, TaskInfo> tasks = new HashMap<>();
    for (JsonNode task : manifest.path("tasks")) {
      Map<String, Boolean> directions = new HashMap<>();
      task.path("metrics").forEach(m -> directions.put(m.path("id").asText(),
          !m.path("direction").asText().equals("LOWER_IS_BETTER")));
      List<String> levels = new ArrayList<>();
      task.path("levels").forEach(level -> levels.add(level.path("id").asText()));
      String id = task.path("id").asText();
      tasks.put(id, new TaskInfo(id, task.path("format").asText(), task.path("primaryMetric").asText(),
          Map.copyOf(directions), List.copyOf(levels)));
    }
    return Map.copyOf(tasks);
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
