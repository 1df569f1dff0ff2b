package dev.reckon.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.claims.ClaimsFile;
import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html, report.md and the CSVs of the fixture runs. */
class ReportWriterTest {
  @TempDir Path work;

  @Test
  void aSudokuRunHasItsCurvesDifficultyAndTrainingCharts() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Path out = work.resolve("report");
    List<Path> written = ReportWriter.write(List.of(run), out);

    assertEquals(List.of("leaderboards/ttc.csv", "leaderboards/generalization.csv", "leaderboards/compositional.csv",
        "leaderboards/convergence.csv", "leaderboards/compute.csv", "leaderboards/efficiency.csv",
        "leaderboards/collapses.csv", "report.md", "report.html"),
        written.stream().map(p -> out.relativize(p).toString()).toList());
    String html = Files.readString(out.resolve("report.html"));
    // rrn and deq-gnn have curves (uniform runs once); one difficulty chart; loss and accuracy (against the
    // update and the wall time) while training; the memory, one point a model, is no curve.
    assertEquals(List.of("rrn on sudoku-4x4: puzzle_accuracy vs iterations",
        "deq-gnn on sudoku-4x4: puzzle_accuracy vs iterations", "sudoku-4x4: puzzle_accuracy vs difficulty",
        "sudoku-4x4: training loss", "sudoku-4x4: training train_puzzle_accuracy",
        "sudoku-4x4: training train_puzzle_accuracy vs wall time"), chartTitles(html));
    assertEquals(6, count(html, "<svg "));
    assertTrue(html.contains(">T = 8</text>"), "the trained iterations are marked");
    assertFalse(html.contains("Compositional games"), "a section without data is left out");
    assertSelfContained(html);

    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.startsWith("# Reckon report: 20260101-000000-rrn\n"), md);
    assertTrue(md.contains("| **rrn-more-iterations** | seeds/claims.yaml | not reproduced (1 seed): rrn on sudoku-4x4 b8, puzzle_accuracy at T = "
        + "8: 0.75 [0.657, 0.825], 2T = 16: 0.8 [0.711, 0.867], 4T = 32: 0.82 [0.733, 0.883]; the last count is not "
        + "better than the first outside the noise (by the intervals, unpaired: neither has outcomes);"), md);
    assertTrue(md.contains("| sudoku-4x4 | minimal | rrn | b6 | puzzle_accuracy | 8 | 0.05 | 0.45 | 0.52 | 0.55 | 32 "
        + "| 0.55 | 0.55 | 32 | 0.1 | 0 | 1 |"), md);
  }

  @Test
  void aPluginsClaimsAreDecidedBesideTheProjectsAndNoClaimOfAbsentTasksIsListed() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Files.createDirectories(run.resolve(RunFormat.CLAIMS));
    Files.writeString(ClaimsFile.inRun(run, "my-models-1.0.jar"), """
        notes: {mine: "a lab's own note"}
        claims:
          - id: rrn-beats-uniform
            note: mine
            statement: The rrn solves more puzzles than uniform guessing on the hardest level.
            rules:
              - {kind: above_model, model: rrn, against: uniform, task: sudoku-4x4, levels: [hardest]}
          - id: colouring-is-easy
            note: mine
            statement: The oracle colours every graph.
            rules:
              - {kind: threshold, models: [oracle], task: colouring, levels: [all], at_least: 1.0}
        """);
    Path out = work.resolve("report");
    ReportWriter.write(List.of(run), out);

    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| **rrn-beats-uniform** | plugin jar my-models-1.0 | reproduced (1 seed): rrn "), md);
    assertTrue(md.contains("| **rrn-more-iterations** | seeds/claims.yaml | "), md);
    int notes = md.indexOf("## Claims of the research notes");
    int jar = md.indexOf("## Claims of plugin jar my-models-1.0");
    assertTrue(notes >= 0 && jar > md.indexOf("**rrn-more-iterations**") && md.indexOf("**rrn-beats-uniform**") > jar,
        "a plugin's claims come in a section of their own, after the notes': " + md);
    assertFalse(md.contains("**colouring-is-easy**"), "the run has no colouring task");
    assertFalse(md.contains("**set-game-easy**"), "nor a SET game");
    assertTrue(md.contains("Not listed, as no run has the tasks and models they speak of: set-game-easy, "
        + "shatter-needs-dimension, union-81-improves-with-dimension, entropy-rises-as-d-falls, "
        + "shared-attribute-rank, learned-adjacency-below-rrn, infonce-converges-to-pmi, "
        + "recurrence-does-not-catch-larger, recurrence-does-not-catch-longer-training, probe-finds-cities-not-paths, "
        + "sorting-recurrence-does-not-catch-up, dt-net-recall-keeps-accuracy-on-mazes, "
        + "dt-net-recall-keeps-accuracy-on-prefix-sums, dt-net-plain-overthinks-on-mazes, "
        + "dt-net-plain-overthinks-on-prefix-sums, dt-net-thinks-longer-on-larger-mazes, "
        + "dt-net-recall-beats-plain-when-run-long-on-mazes, dt-net-recall-beats-plain-when-run-long-on-prefix-sums, "
        + "recurrence-solves-larger-mazes-by-thinking-longer, "
        + "oracle-perfect, propagation-complete, classical-references-complete, colouring-is-easy.\n"), md);
    assertTrue(md.contains("## Sanity checks\n\n_None speaks of the tasks and models of these runs._\n"), md);
    assertTrue(Files.readString(out.resolve("report.html")).contains("from plugin jar my-models-1.0"));
  }

  @Test
  void aClaimOneRunSpeaksOfIsDecidedOnEveryRun() throws IOException {
    Path sudoku = Fixtures.copy(Fixtures.SUDOKU, work);
    Path games = Fixtures.copy(Fixtures.SET, work);
    Path out = work.resolve("report");
    ReportWriter.write(List.of(sudoku, games), out);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| **set-game-easy** | seeds/claims.yaml | not measured: no results for "), md);
    assertTrue(md.contains("| **rrn-more-iterations** | seeds/claims.yaml | not reproduced (1 seed): "), md);
    assertTrue(md.contains("Not listed, as no run has the tasks and models they speak of: "
        + "union-81-improves-with-dimension, learned-adjacency-below-rrn, infonce-converges-to-pmi, "
        + "recurrence-does-not-catch-larger, recurrence-does-not-catch-longer-training, probe-finds-cities-not-paths, "
        + "sorting-recurrence-does-not-catch-up, dt-net-recall-keeps-accuracy-on-mazes, "
        + "dt-net-recall-keeps-accuracy-on-prefix-sums, dt-net-plain-overthinks-on-mazes, "
        + "dt-net-plain-overthinks-on-prefix-sums, dt-net-thinks-longer-on-larger-mazes, "
        + "dt-net-recall-beats-plain-when-run-long-on-mazes, dt-net-recall-beats-plain-when-run-long-on-prefix-sums, "
        + "recurrence-solves-larger-mazes-by-thinking-longer, "
        + "oracle-perfect, propagation-complete, classical-references-complete.\n"),
        "no run of 81 cards, nor a learned graph, nor a known joint, nor an oracle, nor a sequence or grid task");
  }

  @Test
  void aRunsClaimsFileThatNoLongerLoadsIsNamed() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Files.createDirectories(run.resolve(RunFormat.CLAIMS));
    Path broken = Files.writeString(ClaimsFile.inRun(run, "mine.jar"), "claims:\n  - id: c\n    rules: []\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReportWriter.write(List.of(run), work.resolve("report")));
    assertTrue(e.getMessage().startsWith("the claims file " + broken + " does not load: "), e.getMessage());
  }

  @Test
  void aRetrievalRunHasItsGameAndDimensionCharts() throws IOException {
    Path out = work.resolve("report");
    ReportWriter.write(List.of(Fixtures.copy(Fixtures.SET, work)), out);
    String html = Files.readString(out.resolve("report.html"));
    assertEquals(List.of("set-27: kl_divergence vs log2 answer subsets", "set-27: top_k_overlap vs log2 answer subsets",
        "set-27: entropy vs representation dimension d", "set-27: entropy_10_20 vs representation dimension d"),
        chartTitles(html));
    assertFalse(html.contains("Training curves"));
    assertSelfContained(html);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("| set-27 | shatter | 27 | contrastive-d512 | shatter | 2 | 2.2 | 2.4 | 0.1 | 0.954 | 1 |"),
        md);
  }

  @Test
  void severalRunsAreComparedWithTheFirst() throws IOException {
    Path baseline = Fixtures.copy(Fixtures.SUDOKU, work.resolve("a"));
    Path other = Fixtures.copy(Fixtures.SUDOKU, work.resolve("b"));
    Fixtures.shiftModel(other, "rrn", "puzzle_accuracy", -0.3);
    Path out = work.resolve("report");
    ReportWriter.write(List.of(baseline, other), out);

    assertTrue(Files.exists(out.resolve("leaderboards/20260101-000000-rrn/ttc.csv")));
    assertTrue(Files.exists(out.resolve("leaderboards/20260101-000000-rrn-2/ttc.csv")), "ids kept apart");
    List<String> comparison = Files.readAllLines(out.resolve("comparison.csv"));
    assertEquals(1 + 2 * 3 * 6 * 3 + 3 * 3, comparison.size(), "every number of both runs");
    assertTrue(comparison.stream().anyMatch(row -> row.startsWith("rrn,sudoku-4x4,b6,minimal,32,puzzle_accuracy,0.55,")
        && row.endsWith(",worse")), () -> String.join("\n", comparison));
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Comparison with the baseline `20260101-000000-rrn`"), md);
    assertTrue(md.contains("| rrn | sudoku-4x4 | b6 | minimal | 32 | puzzle_accuracy | 0.55 | 0.452 | 0.644 | 0.25 "
        + "| 0.152 | 0.344 | -0.3 | worse |"), md);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<td class=\"worse\">worse</td>"));
    assertEquals(12, count(html, "<svg "), "both runs' charts");
    assertSelfContained(html);
  }

  @Test
  void theSummaryComesFirstThenTheChartsThenTheBoards() throws IOException {
    Path out = work.resolve("report");
    ReportWriter.write(List.of(Fixtures.copy(Fixtures.SUDOKU, work)), out);
    String html = Files.readString(out.resolve("report.html"));
    List<Integer> places = List.of(html.indexOf("<p class=\"about\"><b>20260101-000000-rrn</b> suite "),
        html.indexOf("<h2 id=\"sanity\">"), html.indexOf("<h2 id=\"claims\">"), html.indexOf("<h2 id=\"charts-0\">"),
        html.indexOf("<svg "), html.indexOf("<h2 id=\"leaderboards-0\">"));
    assertTrue(places.get(0) > 0 && places.equals(places.stream().sorted().toList()), places::toString);
    // a line per claim: the verdict with its seeds and why, the numbers folded under it
    assertTrue(html.contains("<td><details><summary><span class=\"not-reproduced\">not reproduced (1 seed)</span>"
        + "<span class=\"reason\">: rrn on sudoku-4x4 b8, puzzle_accuracy at T = 8: 0.75 [0.657, 0.825], "), html);
    assertTrue(html.contains(" · seeds 1 (1) · "), "the seeds beside the suite");
  }

  /**
   * A report of three seeds of two recurrent models on three levels, with curves of 200 points:
   * the bands and faint seed lines keep a chart within a page's budget.
   */
  @Test
  void aReportOfThreeSeedsStaysLight() throws IOException {
    RunBuilder run = new RunBuilder("three-seeds").trainedWith("rrn", 8).trainedWith("deq-gnn", 8);
    int[] counts = {1, 2, 4, 8, 16, 32};
    for (int seed = 1; seed <= 3; seed++) {
      double pace = 30.0 + seed;
      run.seed(seed);
      for (String level : List.of("b16", "b20", "minimal")) {
        for (String model : List.of("rrn", "deq-gnn")) {
          run.accuracy(model, "b16", level, counts, 0, 0.1, 0.3 + seed / 20.0, 0.6, 0.7, 0.72 - seed / 50.0);
        }
      }
      for (String model : List.of("rrn", "deq-gnn")) {
        double[] curve = new double[200];
        Arrays.setAll(curve, update -> 1 - Math.exp(-update / pace));
        run.curve(model, "sudoku-6x6", "b16", "train_puzzle_accuracy", 5, 0.1 * seed, curve);
      }
    }
    Path out = work.resolve("report");
    ReportWriter.write(List.of(run.write(work)), out);
    String html = Files.readString(out.resolve("report.html"));
    int charts = count(html, "<svg ");
    long svgBytes = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html).results()
        .mapToLong(m -> m.group().length()).sum();
    System.out.printf("three seeds: report.html %d bytes, %d charts, %d bytes a chart on average%n", html.length(),
        charts, svgBytes / charts);
    assertEquals(5, charts, "test-time compute a model, difficulty, the training curves by update and wall time");
    assertTrue(svgBytes / charts < 40_000, "a chart of three seeds within 40 kB: " + svgBytes / charts);
  }

  /** Nothing the page would fetch: no scripts, style sheets, images or fonts from elsewhere. */
  static void assertSelfContained(String html) {
    for (String fetch : List.of("<script", "<link", "<img", "<iframe", "@import", "src=", "href=\"http")) {
      assertFalse(html.contains(fetch), fetch);
    }
    assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "only references within the page, url(#id)");
  }

  private static List<String> chartTitles(String html) {
    Matcher figure = Pattern.compile("<figure role=\"img\" aria-label=\"([^\"]*)\">").matcher(html);
    return figure.results().map(m -> m.group(1)).toList();
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
