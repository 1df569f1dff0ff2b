package dev.reckon.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks (JMH's own command line) and writes their table, so that the figures the
 * docs point to are the run's, never copied by hand: each benchmark's time, its time against the
 * 512^3 product of its own class in the same run ({@code matmul512}) and, for a benchmark with a
 * {@code seeds} parameter, the time of K seeds trained as one network against one seed's.
 *
 * <p>{@code java -cp benchmarks.jar dev.reckon.benchmarks.BenchmarkTable [JMH options] [benchmarks]};
 * the table goes to {@code docs/benchmarks.md}, or where {@code -Dreckon.benchmarks.table} says.
 */
public final class BenchmarkTable {
  static final String SEEDS = "seeds";
  private static final String PRODUCT = "matmul512";

  private BenchmarkTable() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions options = new CommandLineOptions(args);
    Collection<RunResult> results = new Runner(options).run();
    Path table = Path.of(System.getProperty("reckon.benchmarks.table", "docs/benchmarks.md"));
    if (table.getParent() != null) {
      Files.createDirectories(table.getParent());
    }
    Files.writeString(table, markdown(results, String.join(" ", args)), StandardCharsets.UTF_8);
    System.out.println("benchmark table: " + table);
  }

  /** One measured benchmark: its class and method, its parameters but the seeds, and its score. */
  private record Row(String benchmark, String parameters, String seeds, Result<?> score) {}

  static String markdown(Collection<RunResult> results, String arguments) {
    List<Row> rows = new ArrayList<>();
    // The product of each class at each set of parameters: JMH runs it once per set.
    Map<String, Double> products = new LinkedHashMap<>();
    for (RunResult run : results) {
      BenchmarkParams params = run.getParams();
      String name = params.getBenchmark();
      String benchmark = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      Map<String, String> others = new TreeMap<>();
      for (String key : params.getParamsKeys()) {
        if (!key.equals(SEEDS)) {
          others.put(key, params.getParam(key));
        }
      }
      Result<?> score = run.getPrimaryResult();
      Row row = new Row(benchmark, others.toString().replaceAll("[{}]", ""),
          Optional.ofNullable(params.getParam(SEEDS)).orElse(""), score);
      if (benchmark.endsWith("." + PRODUCT)) {
        products.put(productKey(row), score.getScore());
      }
      rows.add(row);
    }
    StringBuilder out = new StringBuilder();
    out.append("# Benchmarks\n\n");
    out.append(String.format(Locale.ROOT, "Written by `BenchmarkTable` on %s: %d processors seen by the JVM, Java %s, "
        + "JMH options `%s`. Times are JMH's averages with their 99.9%% error; the ratios are of scores of one run.%n%n",
        LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        arguments.isBlank() ? "(defaults)" : arguments));
    out.append("| benchmark | parameters | seeds | time | x its class's 512^3 product | K seeds / 1 seed |\n");
    out.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Row row : rows) {
      Double product = products.get(productKey(row));
      String againstProduct = product == null || isProduct(row) ? ""
          : String.format(Locale.ROOT, "%.1f", row.score().getScore() / product);
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s +- %s %s | %s | %s |%n", row.benchmark(),
          row.parameters(), row.seeds(), figure(row.score().getScore()), figure(row.score().getScoreError()),
          row.score().getScoreUnit(), againstProduct, seedRatio(rows, row)));
    }
    return out.toString();
  }

  /** This row's time over the same benchmark's at one seed, for a row of more seeds. */
  private static String seedRatio(List<Row> rows, Row row) {
    if (row.seeds().isEmpty() || row.seeds().equals("1") || isProduct(row)) {
      return "";
    }
    return rows.stream()
        .filter(one -> one.benchmark().equals(row.benchmark()) && one.parameters().equals(row.parameters())
            && one.seeds().equals("1"))
        .findFirst()
        .map(one -> String.format(Locale.ROOT, "%.2f", row.score().getScore() / one.score().getScore()))
        .orElse("");
  }

  /** The product a row is read against: its class's, at the row's parameters, seeds included. */
  private static String productKey(Row row) {
    String benchmark = row.benchmark();
    return benchmark.substring(0, benchmark.indexOf('.')) + " " + row.parameters() + " " + row.seeds();
  }

  private static boolean isProduct(Row row) {
    return row.benchmark().endsWith("." + PRODUCT);
  }

  private static String figure(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.3g", value);
  }
}
