package dev.reckon.reports.render;

import static dev.reckon.reports.measurements.Numbers.count;
import static dev.reckon.reports.render.HtmlReport.escape;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.charts.HistoryChart;
import dev.reckon.reports.check.RegressionCheck;
import dev.reckon.reports.check.RegressionCheck.Checked;
import dev.reckon.reports.check.RegressionCheck.CheckedCell;
import dev.reckon.reports.check.RunHistory;
import dev.reckon.reports.check.RunHistory.Point;
import dev.reckon.reports.check.RunHistory.Series;
import dev.reckon.reports.check.RunHistory.Step;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;

/**
 * The history of runs as people and CI read it: history.html (a row per run with its check against
 * the run before, a chart per model, task and training level of its primary metric over the runs,
 * a line per evaluated level with its band and a ring where the check fails, the numbers, and what
 * failed), history.md (the same without charts, for a job summary) and history.csv (a row per run
 * and number).
 */
final class HistoryPage {
  /** history.csv's columns beyond the run directory's own ({@link Column}). */
  private static final String RUN = "run";
  private static final String RUN_ID = "run_id";
  private static final String STARTED_AT = "started_at";
  private static final String CHECK = "check";
  /** What {@link #CHECK} says of a number; and what a failing point reads as in the tables. */
  private static final String PASSED = "passed";
  private static final String FAILS = "fails";
  private static final String FIRST_RUN = "first run";
  private static final String NOT_CHECKED = "not checked";

  private static final String CAPTION = "Each model's primary metric at its full iteration budget (the leaderboards' "
      + "number), one chart a model, task and training level, one line an evaluated level with its 95% band; a red "
      + "ring marks a point where reckon check fails it against the run before. The x axis numbers the runs as the "
      + "table above does.";

  private final RunHistory history;

  HistoryPage(RunHistory history) {
    this.history = history;
  }

  String title() {
    return "History of " + history.suite().map(suite -> "suite " + suite).orElse("runs") + ": "
        + history.steps().size() + " runs";
  }

  String html() {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>").append(escape(title())).append("</title>\n<style>\n").append(HtmlReport.STYLE)
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(title())).append("</h1>\n<p class=\"caption\">")
        .append(escape(checkedHow()).replaceAll("`([^`]*)`", "<code>$1</code>"))
        .append("</p>\n<table>\n<tr><th>#</th><th>run</th><th>started</th>")
        .append("<th>check against the run before</th></tr>\n");
    List<Step> steps = history.steps();
    for (int run = 0; run < steps.size(); run++) {
      Step step = steps.get(run);
      boolean failed = step.check().map(check -> !check.passed()).orElse(false);
      page.append("<tr><td class=\"num\">").append(run + 1).append("</td><td>").append(escape(step.run().id()))
          .append("</td><td>").append(escape(started(step))).append("</td><td")
          .append(failed ? " class=\"check-fails\">" : ">").append(escape(outcome(step))).append("</td></tr>\n");
    }
    page.append("</table>\n<h2 id=\"charts\">Primary metrics over the runs</h2>\n<p class=\"caption\">")
        .append(escape(CAPTION)).append("</p>\n<div class=\"charts\">\n");
    int number = 0;
    for (JFreeChart chart : charts()) {
      page.append(HtmlReport.figure(chart, ++number));
    }
    page.append("</div>\n<h2 id=\"numbers\">The numbers</h2>\n<div class=\"scroll\"><table>\n<tr>");
    Stream.concat(keyHeader().stream(), runNumbers().stream())
        .forEach(h -> page.append("<th>").append(escape(h)).append("</th>"));
    page.append("</tr>\n");
    for (Series series : history.series()) {
      page.append("<tr>");
      keyCells(series.key()).forEach(c -> page.append("<td>").append(escape(c)).append("</td>"));
      for (Optional<Point> point : byRun(series)) {
        page.append(point.filter(Point::failed).isPresent() ? "<td class=\"num check-fails\" title=\""
                + escape(point.get().failure().orElseThrow()) + "\">" : "<td class=\"num\">")
            .append(escape(point.map(HistoryPage::text).orElse(""))).append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table></div>\n<h2 id=\"failures\">What the check failed</h2>\n");
    List<String> failures = new ArrayList<>();
    for (int run = 1; run < steps.size(); run++) {
      List<String> lines = failures(steps.get(run));
      if (!lines.isEmpty()) {
        failures.add("<details><summary>" + escape(against(run) + ": " + count(lines.size(), "failure")) + "</summary>"
            + "<ul class=\"evidence\">" + lines.stream().map(line -> "<li>" + escape(line) + "</li>")
                .collect(Collectors.joining()) + "</ul></details>\n");
      }
    }
    page.append(failures.isEmpty() ? "<p>Nothing: every run passes the check against the run before.</p>\n"
        : String.join("", failures));
    return page.append("</body>\n</html>\n").toString();
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# ").append(title()).append("\n\n").append(checkedHow())
        .append("\n\n| # | run | started | check against the run before |\n| ---: | --- | --- | --- |\n");
    List<Step> steps = history.steps();
    for (int run = 0; run < steps.size(); run++) {
      Step step = steps.get(run);
      md.append("| ").append(run + 1).append(" | `").append(step.run().id()).append("` | ").append(started(step))
          .append(" | ").append(MarkdownReport.cell(outcome(step))).append(" |\n");
    }
    md.append("\n## Primary metrics at each cell's full iteration budget\n\nA number the check fails against the run "
        + "before is marked ✗.\n\n| ").append(String.join(" | ", keyHeader())).append(" | ")
        .append(String.join(" | ", runNumbers())).append(" |\n|").append(" --- |".repeat(keyHeader().size() - 2))
        .append(" ---: | --- |").append(" ---: |".repeat(steps.size())).append('\n');
    for (Series series : history.series()) {
      md.append("| ").append(String.join(" | ", keyCells(series.key()))).append(" | ")
          .append(byRun(series).stream().map(point -> point.map(p -> text(p) + (p.failed() ? " ✗" : "")).orElse(""))
              .collect(Collectors.joining(" | "))).append(" |\n");
    }
    md.append("\n## What the check failed\n");
    boolean any = false;
    for (int run = 1; run < steps.size(); run++) {
      List<String> lines = failures(steps.get(run));
      if (!lines.isEmpty()) {
        any = true;
        md.append("\n### ").append(against(run)).append("\n\n");
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
      }
    }
    return md.append(any ? "" : "\nNothing: every run passes the check against the run before.\n").toString();
  }

  /** A row a run and number: its value, interval and what the check against the run before says of it. */
  Board board() {
    List<String> header = List.of(RUN, RUN_ID, STARTED_AT, Column.MODEL.id(), Column.TASK.id(),
        Column.TRAIN_LEVEL.id(), Column.EVAL_LEVEL.id(), Column.ITERATIONS.id(), Column.METRIC.id(), Column.VALUE.id(),
        Column.CI_LOW.id(), Column.CI_HIGH.id(), CHECK);
    List<List<Object>> rows = new ArrayList<>();
    for (Series series : history.series()) {
      Key key = series.key();
      for (Point point : series.points()) {
        Step step = history.steps().get(point.run());
        Measurement m = point.measurement();
        String check = point.failed() ? FAILS : step.check().isPresent() ? PASSED
            : point.run() == 0 ? FIRST_RUN : NOT_CHECKED;
        rows.add(List.of(point.run() + 1, step.run().id(), started(step), key.model(), key.task(), key.trainLevel(),
            key.evalLevel(), key.iterations(), key.metric(), m.value(), m.ciLow(), m.ciHigh(), check));
      }
    }
    return new Board("history", header, rows);
  }

  /** A chart a model, task and training level; a line an evaluated level (and iteration count, where they differ). */
  private List<JFreeChart> charts() {
    Map<List<String>, List<Series>> byCell = history.series().stream().collect(Collectors.groupingBy(
        s -> List.of(s.key().model(), s.key().task(), s.key().trainLevel()), LinkedHashMap::new,
        Collectors.toList()));
    List<JFreeChart> charts = new ArrayList<>();
    byCell.forEach((cell, lines) -> {
      Key first = lines.get(0).key();
      boolean oneBudget = lines.stream().map(s -> s.key().iterations()).distinct().count() == 1;
      HistoryChart chart = new HistoryChart(first.model() + " on " + first.task() + ": " + first.metric()
          + " over runs", first.metric(), lines.get(0).fraction(), "trained on " + first.trainLevel()
          + (oneBudget ? ", at " + count(first.iterations(), "iteration") : ""));
      for (Series series : lines) {
        String line = series.key().evalLevel() + (oneBudget ? "" : " at " + count(series.key().iterations(),
            "iteration"));
        series.points().forEach(p -> chart.add(line, p.run(), p.measurement(), p.failed()));
      }
      charts.add(chart.build());
    });
    return charts;
  }

  private String checkedHow() {
    return "Runs in the order they started; each run is checked against the run before it as `reckon check RUN "
        + "--baseline BEFORE` would check it (tolerances: " + history.tolerances().describe() + ").";
  }

  /** E.g. {@code passed: 118 numbers and 3 cells}, {@code FAILED: 1 of 118 numbers, 0 of 3 cells}. */
  private static String outcome(Step step) {
    if (step.check().isEmpty()) {
      return step.unchecked();
    }
    RegressionCheck check = step.check().get();
    return check.passed() ? "passed: " + count(check.checked().size(), "number") + " and "
        + count(check.cells().size(), "cell")
        : "FAILED: " + check.failures().size() + " of " + count(check.checked().size(), "number") + ", "
            + check.cellFailures().size() + " of " + count(check.cells().size(), "cell");
  }

  /** Every failure of a run's check, cells first, in the check's own words. */
  private static List<String> failures(Step step) {
    return step.check().map(check -> Stream.concat(check.cellFailures().stream().map(CheckedCell::failure),
        check.failures().stream().map(Checked::failure)).map(Optional::orElseThrow).toList()).orElse(List.of());
  }

  /** E.g. {@code run 4 (20260101-quick) against run 3 (20251231-quick)}. */
  private String against(int run) {
    return "run " + (run + 1) + " (" + history.steps().get(run).run().id() + ") against run " + run + " ("
        + history.steps().get(run - 1).run().id() + ")";
  }

  private static String started(Step step) {
    return step.run().startedAt().map(Object::toString).orElse("");
  }

  private List<String> runNumbers() {
    List<String> numbers = new ArrayList<>();
    for (int run = 1; run <= history.steps().size(); run++) {
      numbers.add(String.valueOf(run));
    }
    return numbers;
  }

  private static List<String> keyHeader() {
    return List.of(Column.MODEL.id(), Column.TASK.id(), Column.TRAIN_LEVEL.id(), Column.EVAL_LEVEL.id(),
        Column.ITERATIONS.id(), Column.METRIC.id());
  }

  private static List<String> keyCells(Key key) {
    return List.of(key.model(), key.task(), key.trainLevel(), key.evalLevel(), String.valueOf(key.iterations()),
        key.metric());
  }

  /** The series' point at each run, empty where the run lacks the number. */
  private List<Optional<Point>> byRun(Series series) {
    List<Optional<Point>> points = new ArrayList<>();
    for (int run = 0; run < history.steps().size(); run++) {
      int at = run;
      points.add(series.points().stream().filter(p -> p.run() == at).findFirst());
    }
    return points;
  }

  /** A value with its interval, e.g. {@code 0.55 [0.452, 0.644]}. */
  private static String text(Point point) {
    Measurement m = point.measurement();
    return Numbers.text(m.value()) + " " + Numbers.interval(m.ciLow(), m.ciHigh());
  }
}
