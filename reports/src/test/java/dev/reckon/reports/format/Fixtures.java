package dev.reckon.reports.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The hand-made run directories of src/test/resources/runs (files in the runner's formats):
 * {@code sudoku-rrn}, a recurrent and a DEQ graph network and chance on 4x4 sudoku, with training
 * curves; {@code set-27}, seven contrastive variants and a cross-encoder on the six 27-card games.
 * {@link RunBuilder} writes a run directory of one's own, row by row, for tests that need a results
 * table of a given shape (the claims' tests: one table that reproduces a claim, one that contradicts it).
 */
public final class Fixtures {
  public static final String SUDOKU = "sudoku-rrn";
  public static final String SET = "set-27";

  private Fixtures() {}

  /** A copy of fixture {@code name} in {@code parent}, free to be changed by the test. */
  public static Path copy(String name, Path parent) {
    try {
      Path source = Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
      Path target = parent.resolve(name);
      Files.createDirectories(target);
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RunResults read(String name, Path parent) {
    return RunResults.read(copy(name, parent));
  }

  /** Rewrites every row of results.csv through {@code change}; a null return drops the row. */
  public static void rewriteResults(Path run, UnaryOperator<Map<String, String>> change) {
    Path file = run.resolve("results.csv");
    List<String> header;
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
      header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        Map<String, String> row = change.apply(new LinkedHashMap<>(record.toMap()));
        if (row != null) {
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Writer writer = Files.newBufferedWriter(file);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (Map<String, String> row : rows) {
        printer.printRecord(header.stream().map(row::get).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves every value of a model's metric (a fraction) by {@code delta}: a model made better or worse. */
  public static void shiftModel(Path run, String model, String metric, double delta) {
    rewriteResults(run, r -> r.get("model").equals(model) && r.get("metric").equals(metric) ? shift(r, delta, true)
        : r);
  }

  /** Moves a row's value and its interval by {@code delta}, kept within [0, 1] for fractions. */
  public static Map<String, String> shift(Map<String, String> row, double delta, boolean fraction) {
    for (String column : List.of("value", "ci_low", "ci_high")) {
      double moved = Double.parseDouble(row.get(column)) + delta;
      row.put(column, String.valueOf(fraction ? Math.max(0, Math.min(1, moved)) : moved));
    }
    return row;
  }

  /** The 95% Wilson interval of a proportion {@code p} of {@code n}, as the runner writes it. */
  public static double[] wilson(double p, int n) {
    double z = 1.959963984540054;
    double denominator = 1 + z * z / n;
    double centre = (p + z * z / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * A run directory written from rows given one by one: results.csv (proportions get their Wilson
   * interval over {@code n} examples), cells.csv (a done cell for every model, task and training
   * level with results or a curve), training.csv and a manifest.json describing the tasks used. Tasks:
   * {@code sudoku-6x6} (levels b16, b20, minimal; puzzle_accuracy primary) and {@code set-27} and
   * {@code set-81} (the SET games; kl_divergence primary, top_k_overlap, entropy and their
   * {@code _10_20} versions), {@value #JOINTS} (the joints product, dependent, dice;
   * kl_conditional primary, kl_pmi), the sequence tasks of {@link #SEQUENCE_TASKS} and the grid
   * tasks of {@link #GRID_TASKS}.
   */
  public static final class RunBuilder {
    public static final String JOINTS = "infonce-convergence";
    private static final Map<String, Double> SUDOKU = Map.of("b16", 16.0, "b20", 20.0, "minimal", 25.9);
    private static final Map<String, Double> GAMES = Map.of("set", 4.57, "wildcard", 6.0, "union", 21.0,
        "symdiff", 23.0, "shatter", 27.0);
    private static final Map<String, Double> SEQUENCES = Map.of("h1-4", 4.0, "h2", 2.0, "h4", 4.0, "h6", 6.0, "n2-6",
        6.0, "n4", 4.0, "n8", 8.0, "n12", 12.0);
    /** The sequence tasks' primary metrics. */
    public static final Map<String, String> SEQUENCE_TASKS = Map.of("shortest-path", "path_accuracy", "sorting",
        "sequence_accuracy");
    /**
     * The grid tasks: per task its primary metric, then the other one. A level's difficulty is the
     * number in its id (a maze's side, a string's length).
     */
    public static final Map<String, List<String>> GRID_TASKS = Map.of("maze", List.of("path_accuracy", "cell_accuracy"),
        "prefix-sums", List.of("string_accuracy", "bit_accuracy"));
    private static final Map<String, List<String>> GRID_LEVELS = Map.of(
        "maze", List.of("s9", "s13", "s19", "s25", "s33", "s45", "s59"),
        "prefix-sums", List.of("n16", "n24", "n32", "n48", "n64", "n128", "n256", "n512"));
    private static final List<String> FRACTIONS = List.of("puzzle_accuracy", "cell_accuracy", "top_k_overlap",
        "top_k_overlap_10_20", "path_accuracy", "sequence_accuracy", "string_accuracy", "bit_accuracy");

    private final String id;
    private final List<String> results = new ArrayList<>();
    private final List<String> training = new ArrayList<>();
    private final List<String> budgets = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private final Map<List<Object>, Map<String, String>> evalHashes = new LinkedHashMap<>();
    private final Map<List<Object>, String> probes = new LinkedHashMap<>();
    private final Map<List<Object>, Integer> cells = new LinkedHashMap<>();
    private final Map<List<Object>, String> collapses = new LinkedHashMap<>();
    private final Map<String, Integer> trained = new LinkedHashMap<>();
    private final Map<String, Double> trainSeconds = new LinkedHashMap<>();
    private int n = 500;
    private long seed = 1;

    public RunBuilder(String id) {
      this.id = id;
    }

    /** The number of examples behind each proportion from here on (default 500). */
    public RunBuilder examples(int count) {
      this.n = count;
      return this;
    }

    /** The seed of the rows from here on (default 1). */
    public RunBuilder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The iteration count {@code model} trains with (T), in cells.csv. */
    public RunBuilder trainedWith(String model, int iterations) {
      trained.put(model, iterations);
      return this;
    }

    public RunBuilder trainSeconds(String model, double seconds) {
      trainSeconds.put(model, seconds);
      return this;
    }

    /** A proportion at each of {@code iterations} (e.g. 1, 2, 4, ...), with its Wilson interval. */
    public RunBuilder proportions(String model, String task, String trainLevel, String level, String metric,
        int[] iterations, double... values) {
      for (int i = 0; i < iterations.length; i++) {
        double[] ci = wilson(values[i], n);
        row(model, task, trainLevel, level, iterations[i], metric, values[i], ci[0], ci[1]);
      }
      return this;
    }

    /** Puzzle accuracy at each of {@code iterations}. */
    public RunBuilder accuracy(String model, String trainLevel, String level, int[] iterations, double... values) {
      return proportions(model, "sudoku-6x6", trainLevel, level, "puzzle_accuracy", iterations, values);
    }

    /** A number in nats (or any unit) at one iteration, with an interval of +- {@code half}. */
    public RunBuilder value(String model, String task, String level, String metric, double value, double half) {
      return row(model, task, level, level, 1, metric, value, value - half, value + half);
    }

    /** A retrieval model on a game (trained and evaluated on it): KL and top-K overlap, each +- 0.02-ish. */
    public RunBuilder game(String model, String task, String level, double kl, double topK) {
      value(model, task, level, "kl_divergence", kl, 0.02);
      return proportions(model, task, level, level, "top_k_overlap", new int[] {1}, topK);
    }

    public RunBuilder row(String model, String task, String trainLevel, String level, int iterations, String metric,
        double value, double low, double high) {
      results.add(String.join(",", model, task, trainLevel, level, number(difficulty(task, level)),
          String.valueOf(iterations), metric, String.valueOf(seed), number(value), String.valueOf(n), number(low),
          number(high)));
      cells.putIfAbsent(List.of(model, task, trainLevel, seed), 0);
      return this;
    }

    /**
     * Proportions of {@code task}'s primary metric at a compute budget (budgets.csv), at each of
     * {@code iterations}, reached after {@code 1.01 * budget} training FLOPs.
     */
    public RunBuilder atBudget(String model, String task, String trainLevel, String level, double budget, int[] iterations,
        double... values) {
      for (int i = 0; i < iterations.length; i++) {
        double[] ci = wilson(values[i], n);
        budgets.add(String.join(",", model, task, trainLevel, String.valueOf(seed), number(budget), "100",
            number(budget * 1.01), level, number(difficulty(task, level)), String.valueOf(iterations[i]),
            SEQUENCE_TASKS.get(task), number(values[i]), String.valueOf(n), number(ci[0]), number(ci[1])));
      }
      cells.putIfAbsent(List.of(model, task, trainLevel, seed), 0);
      return this;
    }

    /** The linear probe's fit after training, in the cell's line of cells.csv. */
    public RunBuilder probe(String model, String task, String trainLevel, double r2, double shuffled) {
      probes.put(List.of(model, task, trainLevel, seed), number(r2) + "," + number(shuffled));
      cells.putIfAbsent(List.of(model, task, trainLevel, seed), 0);
      return this;
    }

    /** A training curve: the value at update {@code i * every}, wall seconds {@code i * secondsEach}. */
    public RunBuilder curve(String model, String task, String trainLevel, String metric, int every, double secondsEach,
        double... values) {
      for (int i = 0; i < values.length; i++) {
        training.add(String.join(",", model, task, trainLevel, String.valueOf(seed), String.valueOf((long) i * every),
            metric, number(values[i]), number(i * secondsEach)));
      }
      cells.putIfAbsent(List.of(model, task, trainLevel, seed), 0);
      return this;
    }

    /**
     * A proportion over examples at one iteration count from its per-example outcomes: the row of
     * outcomes.csv, and the results row it makes (the examples counted / n, with its Wilson
     * interval), over the current {@link #examples} count.
     */
    public RunBuilder outcomes(String model, String task, String trainLevel, String level, int iterations,
        String metric, BitSet counted) {
      double value = (double) counted.cardinality() / n;
      double[] ci = wilson(value, n);
      row(model, task, trainLevel, level, iterations, metric, value, ci[0], ci[1]);
      outcomes.add(String.join(",", model, task, trainLevel, String.valueOf(seed), level, String.valueOf(iterations),
          metric, String.valueOf(n), OutcomeBits.encode(counted, n)));
      return this;
    }

    /** The sha256 of the cell's evaluation set on {@code level}, in its line of cells.csv. */
    public RunBuilder evalData(String model, String task, String trainLevel, String level, String sha256) {
      evalHashes.computeIfAbsent(List.of(model, task, trainLevel, seed), k -> new LinkedHashMap<>()).put(level, sha256);
      return this;
    }

    /** The harness's record of a collapse in the cell's line of cells.csv. */
    public RunBuilder collapse(String model, String task, String trainLevel, int update, String what) {
      collapses.put(List.of(model, task, trainLevel, seed), update + "," + what);
      return this;
    }

    public Path write(Path parent) {
      Path run = parent.resolve(id);
      try {
        Files.createDirectories(run);
        Files.writeString(run.resolve("results.csv"), "model,task,train_level,eval_level,eval_difficulty,iterations,"
            + "metric,seed,value,n,ci_low,ci_high\n" + lines(results));
        Files.writeString(run.resolve("training.csv"), "model,task,train_level,seed,update,metric,value,"
            + "wall_seconds\n" + lines(training));
        Files.writeString(run.resolve("budgets.csv"), "model,task,train_level,seed,budget_flops,update,training_flops,"
            + "eval_level,eval_difficulty,iterations,metric,value,n,ci_low,ci_high\n" + lines(budgets));
        StringBuilder cellLines = new StringBuilder("model,task,train_level,seed,status,reason,trained_iterations,"
            + "parameters,train_seconds,eval_seconds,finished_at,train_data_seed,model_seed,config,collapse_update,"
            + "collapse,task_seed,task_config,training_flops,probe_r2,probe_r2_shuffled,train_data_sha256,"
            + "eval_data_sha256\n");
        for (List<Object> cell : cells.keySet()) {
          String model = (String) cell.get(0);
          double seconds = trainSeconds.getOrDefault(model, 10.0);
          cellLines.append(String.join(",", model, (String) cell.get(1), (String) cell.get(2),
              String.valueOf(cell.get(3)), "done", "", trained.containsKey(model) ? trained.get(model).toString() : "",
              "1000", number(seconds), "1.0", "2026-01-01T00:00:00Z", "1", "2", "{}",
              collapses.getOrDefault(cell, ","), "0", "{}", "", probes.getOrDefault(cell, ","), "",
              levelHashes(evalHashes.getOrDefault(cell, Map.of())))).append('\n');
        }
        Files.writeString(run.resolve("cells.csv"), cellLines.toString());
        Files.writeString(run.resolve("outcomes.csv"), "model,task,train_level,seed,eval_level,iterations,metric,n,"
            + "outcomes\n" + lines(outcomes));
        Files.writeString(run.resolve("manifest.json"), manifest());
        return run;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public RunResults read(Path parent) {
      return RunResults.read(write(parent));
    }

    private String manifest() {
      List<String> tasks = new ArrayList<>();
      for (String task : results.stream().map(r -> r.split(",")[1]).distinct().toList()) {
        boolean sudoku = task.startsWith("sudoku");
        boolean joints = task.equals(JOINTS);
        String sequence = SEQUENCE_TASKS.get(task);
        List<String> grid = GRID_TASKS.get(task);
        if (sequence != null) {
          Map<String, Double> levels = new LinkedHashMap<>();
          SEQUENCES.keySet().stream().sorted(java.util.Comparator.comparing(SEQUENCES::get))
              .filter(level -> level.startsWith(task.equals("sorting") ? "n" : "h"))
              .forEach(level -> levels.put(level, SEQUENCES.get(level)));
          tasks.add(task(task, "sequence", List.of(sequence + ":HIGHER_IS_BETTER"), levels));
          continue;
        }
        if (grid != null) {
          Map<String, Double> levels = new LinkedHashMap<>();
          GRID_LEVELS.get(task).forEach(level -> levels.put(level, difficulty(task, level)));
          tasks.add(task(task, "grid", grid.stream().map(metric -> metric + ":HIGHER_IS_BETTER").toList(), levels));
          continue;
        }
        Map<String, Double> levels = new LinkedHashMap<>();
        (sudoku ? List.of("b16", "b20", "minimal") : joints ? List.of("product", "dependent", "dice")
            : List.of("set", "wildcard", "union", "symdiff", "shatter"))
            .forEach(level -> levels.put(level, difficulty(task, level)));
        results.stream().map(r -> r.split(",")).filter(r -> r[1].equals(task))
            .forEach(r -> levels.putIfAbsent(r[3], Double.parseDouble(r[4])));
        tasks.add(task(task, sudoku ? "labeling" : "retrieval", (sudoku
            ? List.of("puzzle_accuracy:HIGHER_IS_BETTER", "cell_accuracy:HIGHER_IS_BETTER")
            : joints ? List.of("kl_conditional:LOWER_IS_BETTER", "kl_pmi:LOWER_IS_BETTER")
            : List.of("kl_divergence:LOWER_IS_BETTER", "top_k_overlap:HIGHER_IS_BETTER", "entropy:LOWER_IS_BETTER",
                "kl_divergence_10_20:LOWER_IS_BETTER", "top_k_overlap_10_20:HIGHER_IS_BETTER",
                "entropy_10_20:LOWER_IS_BETTER")), levels));
      }
      return "{\"runId\": \"" + id + "\", \"suite\": {\"name\": \"claims-fixture\"}, \"tasks\": ["
          + String.join(", ", tasks) + "]}\n";
    }

    /** The classical reference each built-in task declares, as the tasks do. */
    private static final Map<String, String> CLASSICAL_REFERENCES = Map.of("shortest-path", "bellman-ford",
        "sorting", "odd-even-sort", "maze", "maze-frontier", "prefix-sums", "parity-ripple");

    /**
     * A task of the manifest: its metrics as {@code id:DIRECTION}, the first one primary, its levels
     * with their difficulty, easiest first, and its references: a solver, and its classical one.
     */
    private static String task(String task, String format, List<String> metrics, Map<String, Double> levels) {
      return String.format(Locale.ROOT, "{\"id\": \"%s\", \"format\": \"%s\", \"primaryMetric\": \"%s\", "
          + "\"referenceSolver\": true, \"classicalReferences\": [%s], \"metrics\": [%s], \"levels\": [%s]}", task,
          format, metrics.get(0).split(":")[0], CLASSICAL_REFERENCES.containsKey(task)
              ? "\"" + CLASSICAL_REFERENCES.get(task) + "\"" : "", metrics.stream()
              .map(m -> m.split(":")).map(m -> String.format(Locale.ROOT, "{\"id\": \"%s\", \"direction\": \"%s\", "
                  + "\"unit\": \"%s\"}", m[0], m[1], FRACTIONS.contains(m[0]) ? "fraction" : "nats"))
              .collect(Collectors.joining(", ")), levels.entrySet().stream()
              .map(e -> String.format(Locale.ROOT, "{\"id\": \"%s\", \"difficulty\": %s}", e.getKey(),
                  number(e.getValue())))
              .collect(Collectors.joining(", ")));
    }

    private static double difficulty(String task, String level) {
      if (GRID_TASKS.containsKey(task)) {
        return Double.parseDouble(level.substring(1));
      }
      Double known = (task.startsWith("sudoku") ? SUDOKU : SEQUENCE_TASKS.containsKey(task) ? SEQUENCES : GAMES)
          .get(level);
      return known != null ? known : 100.0;
    }

    /** A JSON object of level to sha256, quoted for CSV; empty for none. */
    private static String levelHashes(Map<String, String> hashes) {
      return hashes.isEmpty() ? "" : "\"{" + hashes.entrySet().stream()
          .map(e -> "\"\"" + e.getKey() + "\"\":\"\"" + e.getValue() + "\"\"").collect(Collectors.joining(",")) + "}\"";
    }

    private static String lines(List<String> lines) {
      return lines.stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    private static String number(double value) {
      return String.valueOf(value);
    }
  }
}
