package dev.reckon.reports.render;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.boards.Leaderboards;
import dev.reckon.reports.charts.ChartSection;
import dev.reckon.reports.charts.SvgChart;
import dev.reckon.reports.check.RunComparison;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.claims.Claim;
import dev.reckon.reports.claims.ClaimVerdict;
import dev.reckon.reports.claims.Claims;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * report.html: one page that opens offline. Its style sheet is inline and its charts are inline SVG
 * elements, so it fetches nothing: it can be mailed, archived as a CI artifact, or opened from disk.
 * What a run says comes first, read in a minute: what ran, a line per sanity check and per claim
 * (the evidence folded, with {@code <details>}: no script), the comparison's counts; then the
 * charts, then the leaderboards.
 */
final class HtmlReport {
  /** The style of every page reports write. */
  static final String STYLE = """
      body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1400px; padding: 0 1em; color: #222; }
      h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
      p.about, p.caption { color: #555; }
      table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: .85em; }
      th, td { border: 1px solid #ddd; padding: .25em .5em; vertical-align: top; text-align: left; }
      td { white-space: nowrap; }
      table.claims td { white-space: normal; }
      table.claims summary { max-width: 56em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      table.claims details[open] summary { white-space: normal; }
      th { background: #f3f3f3; } tr:nth-child(even) td { background: #fafafa; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .scroll { overflow-x: auto; }
      .reproduced, .better { color: #176f2c; font-weight: 600; }
      .not-reproduced, .worse, .missing, .check-fails { color: #b3261e; font-weight: 600; }
      .split { color: #a35200; font-weight: 600; }
      .not-measured, .within-noise, .new { color: #666; }
      .checked-by-tests { color: #1a5fb4; font-weight: 600; }
      ul.evidence { margin: .2em 0; padding-left: 1.2em; }
      summary { cursor: pointer; } .reason { color: #555; }
      .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 1em; }
      figure { margin: 0; border: 1px solid #eee; } figure svg { width: 100%; height: auto; display: block; }
      """;

  private final StringBuilder page = new StringBuilder();
  private int charts;

  private HtmlReport() {}

  static String render(Report report) {
    return new HtmlReport().page(report);
  }

  private String page(Report report) {
    List<RunResults> runs = report.runs();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(report.title())).append("</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(report.title())).append("</h1>\n");
    for (RunResults run : runs) {
      page.append("<p class=\"about\"><b>").append(escape(run.id())).append("</b> ")
          .append(escape(Report.about(run).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(" · ")))).append("</p>\n");
    }
    page.append("<p>").append(sections(report).stream()
        .map(section -> "<a href=\"#" + section.get(0) + "\">" + escape(section.get(1)) + "</a>")
        .collect(Collectors.joining(" · "))).append("</p>\n");
    claims(report);
    report.comparison().ifPresent(this::comparison);
    for (int run = 0; run < runs.size(); run++) {
      String suffix = runs.size() > 1 ? ": " + runs.get(run).id() : "";
      heading("charts-" + run, "Charts" + suffix);
      List<ChartSection> sections = report.charts().get(run).stream().filter(s -> !s.charts().isEmpty()).toList();
      if (sections.isEmpty()) {
        page.append("<p class=\"caption\">This run has no data to chart.</p>\n");
      }
      sections.forEach(this::charts);
      heading("leaderboards-" + run, "Leaderboards" + suffix);
      for (Board board : report.boards().get(run)) {
        page.append("<h3>").append(escape(Leaderboards.title(board))).append("</h3>\n");
        table(board);
      }
    }
    return page.append("</body>\n</html>\n").toString();
  }

  /** The page's sections as anchor and heading, for the table of contents. */
  private static List<List<String>> sections(Report report) {
    List<RunResults> runs = report.runs();
    List<List<String>> sections = new ArrayList<>();
    report.sections().forEach(section -> sections.add(List.of(section.anchor(), section.title())));
    if (runs.size() > 1) {
      sections.add(List.of("comparison", "Comparison"));
    }
    for (int run = 0; run < runs.size(); run++) {
      String suffix = runs.size() > 1 ? ": " + runs.get(run).id() : "";
      sections.add(List.of("charts-" + run, "Charts" + suffix));
      sections.add(List.of("leaderboards-" + run, "Leaderboards" + suffix));
    }
    return sections;
  }

  private void heading(String anchor, String text) {
    page.append("<h2 id=\"").append(anchor).append("\">").append(escape(text)).append("</h2>\n");
  }

  /** The counts of each verdict per run, the numbers behind them folded. */
  private void comparison(RunComparison comparison) {
    heading("comparison", "Comparison with the baseline " + comparison.runs().get(0).id());
    page.append("<p class=\"caption\">Each primary-metric number of the baseline against the other runs; outside the "
            + "noise means the 95% intervals do not overlap. Every metric is in comparison.csv.</p>\n<ul>\n");
    for (int run = 1; run < comparison.runs().size(); run++) {
      Map<Verdict, Long> counts = comparison.counts(run);
      page.append("<li>").append(escape(comparison.runs().get(run).id())).append(": ")
          .append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
              .collect(Collectors.joining(", "))).append("</li>\n");
    }
    page.append("</ul>\n<details><summary>Every primary-metric number</summary>\n");
    table(comparison.toBoard(true));
    page.append("</details>\n");
  }

  /** The sanity checks, the claims of the notes, then those of each plugin jar: a table each, a column a run. */
  private void claims(Report report) {
    heading("sanity", "Sanity checks");
    page.append("<p class=\"caption\">The harness's own checks (seeds/claims.yaml, sanity_checks, and those of "
        + "plugin jars), decided from the run's results by the same rules as the claims. A failed check means the "
        + "run's numbers are suspect.</p>\n");
    for (int run = 0; run < report.runs().size(); run++) {
      List<String> failed = report.failedSanityChecks(run);
      if (!failed.isEmpty()) {
        page.append("<p class=\"not-reproduced\">").append(escape(report.runs().get(run).id())).append(": ")
            .append(failed.size()).append(failed.size() == 1 ? " sanity check failed: " : " sanity checks failed: ")
            .append(escape(String.join(", ", failed))).append("</p>\n");
      }
    }
    List<Report.Section> sections = report.sections();
    verdictTable(report, sections.get(0));
    for (Report.Section section : sections.subList(1, sections.size())) {
      heading(section.anchor(), section.title());
      page.append("<p class=\"caption\">Each claim of ").append(escape(section.rows().isEmpty() ? Claims.BUNDLED
              : section.rows().get(0).source()))
          .append(", decided from the run's results by its rules, with the numbers compared (values with their 95% "
              + "intervals; two numbers differ only outside the noise, when the intervals do not overlap), on the "
              + "measurements pooled over the run's training seeds and on each seed alone: reproduced only when the "
              + "pooled decision and every seed agree, split when they do not.</p>\n");
      verdictTable(report, section);
    }
    if (!report.unlisted().isEmpty()) {
      page.append("<p class=\"caption\">").append(Report.UNLISTED).append(escape(String.join(", ", report.unlisted())))
          .append(".</p>\n");
    }
  }

  /**
   * A line per claim or check: its id (its statement, what the note reports and its source folded
   * under it), and per run the verdict with its seed agreement and one line of why (the evidence
   * folded under it).
   */
  private void verdictTable(Report report, Report.Section section) {
    List<Report.ClaimRow> rows = section.rows();
    boolean sanity = section.sanity();
    if (rows.isEmpty()) {
      page.append("<p>").append(Report.NONE_LISTED).append("</p>\n");
      return;
    }
    page.append("<div class=\"scroll\"><table class=\"claims\">\n<tr><th>").append(sanity ? "check" : "claim")
        .append("</th>");
    report.runs().forEach(run -> page.append("<th>").append(escape(run.id())).append("</th>"));
    page.append("</tr>\n");
    for (Report.ClaimRow row : rows) {
      Claim c = row.claim();
      page.append("<tr><td><details><summary><b>").append(escape(c.id())).append("</b></summary>")
          .append(escape(c.statement()))
          .append(c.reference().isEmpty() ? "" : "<br>The note reports: " + escape(c.reference()))
          .append("<br><span class=\"caption\">from ").append(escape(row.source())).append("</span></details></td>");
      for (ClaimVerdict verdict : row.verdicts()) {
        String reason = Report.reason(verdict);
        page.append("<td><details><summary><span class=\"").append(cssClass(verdict.status().text())).append("\">")
            .append(escape(verdict.label())).append("</span>")
            .append(reason.isEmpty() ? "" : "<span class=\"reason\">: " + escape(reason) + "</span>")
            .append("</summary><ul class=\"evidence\">");
        verdict.evidence().forEach(line -> page.append("<li>").append(escape(line)).append("</li>"));
        page.append("</ul></details></td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table></div>\n");
  }

  private void table(Board board) {
    if (board.rows().isEmpty()) {
      page.append("<p class=\"caption\">No rows in this run.</p>\n");
      return;
    }
    page.append("<div class=\"scroll\"><table>\n<tr>");
    board.header().forEach(h -> page.append("<th>").append(escape(h)).append("</th>"));
    page.append("</tr>\n");
    for (List<Object> row : board.rows()) {
      page.append("<tr>");
      for (int column = 0; column < row.size(); column++) {
        String text = Numbers.text(row.get(column));
        String css = board.numeric(column) ? "num" : verdictClass(text);
        page.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">").append(escape(text)).append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</table></div>\n");
  }

  private void charts(ChartSection section) {
    page.append("<h3>").append(escape(section.heading())).append("</h3>\n<p class=\"caption\">")
        .append(escape(section.caption())).append("</p>\n<div class=\"charts\">\n");
    for (JFreeChart chart : section.charts()) {
      page.append(figure(chart, ++charts));
    }
    page.append("</div>\n");
  }

  /** The {@code number}th chart of a page as a figure of inline SVG, named for screen readers by its title. */
  static String figure(JFreeChart chart, int number) {
    return "<figure role=\"img\" aria-label=\"" + escape(chart.getTitle().getText()) + "\">"
        + SvgChart.render(chart, "chart-" + number) + "</figure>\n";
  }

  /** Comparison verdicts are coloured; other text cells are not. */
  private static String verdictClass(String text) {
    for (Verdict verdict : Verdict.values()) {
      if (verdict.text().equals(text)) {
        return cssClass(text);
      }
    }
    return "";
  }

  private static String cssClass(String text) {
    return text.replace(' ', '-');
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
