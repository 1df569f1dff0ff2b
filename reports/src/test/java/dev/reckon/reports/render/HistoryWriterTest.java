package dev.reckon.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.check.RunHistory;
import dev.reckon.reports.check.RunHistory.Point;
import dev.reckon.reports.check.RunHistory.Series;
import dev.reckon.reports.check.RunHistory.Step;
import dev.reckon.reports.check.Tolerances;
import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Measurement.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five runs of one suite, given out of order, in which rrn's puzzle accuracy on the minimal level
 * drops in the fourth and comes back in the fifth, and the second wobbles within the noise: the
 * history orders them by start, and its page, summary and table mark the fourth run's point alone.
 */
class HistoryWriterTest {
  private static final Key DROPPED = new Key("rrn", "sudoku-4x4", "b6", "minimal", 32, "puzzle_accuracy");

  @TempDir Path work;

  @Test
  void fiveRunsWithOneRegressionMarkExactlyThatPoint() throws IOException {
    List<Path> runs = IntStream.rangeClosed(1, 5).mapToObj(this::run).toList();
    Fixtures.rewriteResults(runs.get(1), row -> Fixtures.shift(row, row.get("metric").equals("violation_rate")
        ? -0.01 : 0.01, true));
    Fixtures.rewriteResults(runs.get(3), row -> isDropped(row) ? Fixtures.shift(row, -0.3, true) : row);

    RunHistory history = RunHistory.of(List.of(2, 0, 4, 3, 1).stream().map(i -> RunResults.read(runs.get(i)))
        .toList(), Tolerances.defaults());
    assertEquals(List.of("run-1", "run-2", "run-3", "run-4", "run-5"),
        history.steps().stream().map(s -> s.run().id()).toList(), "in the order they started");
    assertEquals(List.of(true, true, false, true), history.steps().stream().skip(1)
        .map(s -> s.check().orElseThrow().passed()).toList(), "run 4 fails against run 3, run 5 passes against 4");
    List<List<Object>> failed = history.series().stream()
        .flatMap(s -> s.points().stream().filter(Point::failed).map(p -> List.<Object>of(s.key(), p.run())))
        .toList();
    assertEquals(List.of(List.of(DROPPED, 3)), failed, "exactly the dropped number of the fourth run");
    assertEquals(3 * 3, history.series().size(), "three models' primary metric at their budget on three levels");

    Path out = work.resolve("history");
    List<Path> written = HistoryWriter.write(history, out);
    assertEquals(List.of(out.resolve("history.html"), out.resolve("history.md"), out.resolve("history.csv")), written);

    String html = Files.readString(out.resolve("history.html"));
    assertEquals(3, count(html, "<figure "), "a chart per model, task and training level");
    assertEquals(1, count(html, "class=\"num check-fails\""), "one number marked in the table");
    assertTrue(html.contains("<td class=\"num check-fails\" title=\"rrn on sudoku-4x4 (train b6, eval minimal, 32 "
        + "iterations): puzzle_accuracy got worse from 0.55 [0.452, 0.644] to 0.25 [0.152, 0.344], by 0.3, beyond the "
        + "tolerance 0.05; the 95% intervals do not overlap\">0.25 [0.152, 0.344]</td>"), html);
    assertEquals(1, count(html, RING), "one ring in the charts");
    String rrnChart = html.substring(html.indexOf("<figure role=\"img\" aria-label=\"rrn on sudoku-4x4"));
    assertTrue(rrnChart.substring(0, rrnChart.indexOf("</figure>")).contains(RING), "the ring is in rrn's chart");
    assertTrue(html.contains("<td class=\"check-fails\">FAILED: 1 of 117 numbers, 0 of 3 cells</td>"), html);
    assertTrue(html.contains("<td>passed: 117 numbers and 3 cells</td>"), html);

    String md = Files.readString(out.resolve("history.md"));
    assertEquals(List.of("| rrn | sudoku-4x4 | b6 | minimal | 32 | puzzle_accuracy | 0.55 [0.452, 0.644] | "
            + "0.56 [0.462, 0.654] | 0.55 [0.452, 0.644] | 0.25 [0.152, 0.344] ✗ | 0.55 [0.452, 0.644] |"),
        md.lines().filter(line -> line.contains("✗ |")).toList(), md);
    assertTrue(md.contains("| 4 | `run-4` | 2026-11-04T00:00:00Z | FAILED: 1 of 117 numbers, 0 of 3 cells |"), md);
    assertTrue(md.contains("\n### run 4 (run-4) against run 3 (run-3)\n\n- rrn on sudoku-4x4 (train b6, eval "
        + "minimal, 32 iterations): puzzle_accuracy got worse from 0.55"), md);

    List<String> csv = Files.readAllLines(out.resolve("history.csv"));
    assertEquals("run,run_id,started_at,model,task,train_level,eval_level,iterations,metric,value,ci_low,ci_high,check",
        csv.get(0));
    assertEquals(List.of("4,run-4,2026-11-04T00:00:00Z,rrn,sudoku-4x4,b6,minimal,32,puzzle_accuracy,0.25,"),
        csv.stream().filter(line -> line.endsWith(",fails")).map(line -> line.substring(0, line.indexOf(",0.25,") + 6))
            .toList());
    assertEquals(5 * 9 + 1, csv.size(), "a row a run and number");
  }

  /** A run with a number that is not finite fails its check, and cannot be the next run's baseline. */
  @Test
  void aRunThatCannotBeABaselineLeavesTheNextUnchecked() {
    List<Path> runs = IntStream.rangeClosed(1, 3).mapToObj(this::run).toList();
    Fixtures.rewriteResults(runs.get(1), row -> {
      if (isDropped(row)) {
        row.put("value", "NaN");
      }
      return row;
    });
    RunHistory history = RunHistory.of(runs.stream().map(RunResults::read).toList(), Tolerances.defaults());
    Step second = history.steps().get(1);
    assertTrue(second.check().orElseThrow().failures().stream().anyMatch(f -> f.key().equals(DROPPED)));
    Step third = history.steps().get(2);
    assertTrue(third.check().isEmpty());
    assertTrue(third.unchecked().startsWith("not checked: the baseline " + runs.get(1) + " holds a number that is not "
        + "finite: rrn on sudoku-4x4 (train b6, eval minimal, 32 iterations)"), third.unchecked());
    Series dropped = history.series().stream().filter(s -> s.key().equals(DROPPED)).findFirst().orElseThrow();
    assertEquals(List.of(false, true, false), dropped.points().stream().map(Point::failed).toList());
    HistoryWriter.write(history, work.resolve("out")); // a NaN point is drawn without a ring, not refused
  }

  @Test
  void whatMakesNoHistoryIsOneSentence() throws IOException {
    RunResults one = RunResults.read(run(1));
    assertEquals("a history needs at least two runs; 1 given", refused(List.of(one)));

    RunResults copy = RunResults.read(Fixtures.copy(Fixtures.SUDOKU, work.resolve("copy")));
    RunResults original = RunResults.read(Fixtures.copy(Fixtures.SUDOKU, work.resolve("original")));
    assertEquals(original.directory() + " and " + copy.directory() + " are the same run (20260101-000000-rrn): a "
        + "history takes each run once", refused(List.of(original, copy)));

    Path other = run(2);
    Path manifest = other.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"name\": \"rrn-fixture\"", "\"name\": \"other\""));
    assertEquals(one.directory() + " is a run of suite 'rrn-fixture' and " + other + " of suite 'other': a history "
        + "follows the runs of one suite", refused(List.of(one, RunResults.read(other))));

    Path results = Files.createDirectories(work.resolve("results-alone"));
    Files.copy(run(3).resolve("results.csv"), results.resolve("results.csv"));
    assertEquals(results + " has no manifest.json with the run's start: a history orders runs by when they started, "
        + "so keep each run's manifest.json beside its results.csv", refused(List.of(one, RunResults.read(results))));
  }

  private static String refused(List<RunResults> runs) {
    return assertThrows(IllegalArgumentException.class, () -> RunHistory.of(runs, Tolerances.defaults()))
        .getMessage();
  }

  /** A ring's outline as the SVG draws it: the report's red. */
  private static final String RING = "stroke:rgb(179,38,30)";

  /** A copy of the sudoku fixture as run {@code k}, started on the {@code k}th of November. */
  private Path run(int k) {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work.resolve("run-" + k));
    try {
      Path manifest = run.resolve("manifest.json");
      Files.writeString(manifest, Files.readString(manifest)
          .replace("\"runId\": \"20260101-000000-rrn\"", "\"runId\": \"run-" + k + "\"")
          .replaceFirst("\"startedAt\": \"[^\"]+\"", "\"startedAt\": \"2026-11-0" + k + "T00:00:00Z\""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return run;
  }

  private static boolean isDropped(Map<String, String> row) {
    return row.get("model").equals("rrn") && row.get("metric").equals("puzzle_accuracy")
        && row.get("eval_level").equals("minimal") && row.get("iterations").equals("32");
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }
}
