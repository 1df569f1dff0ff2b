package dev.reckon.reports.render;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.boards.Leaderboards;
import dev.reckon.reports.check.RunComparison;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.claims.ClaimStatus;
import dev.reckon.reports.claims.ClaimVerdict;
import dev.reckon.reports.claims.Claims;
import dev.reckon.reports.format.RunResults;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * report.md: the claims and the leaderboards as GitHub Markdown tables, small enough for a CI job
 * summary (numbers rounded to three decimals; charts stay in report.html). What a run says comes
 * first: what ran, the sanity checks and the claims, the comparison, then the leaderboards.
 *
 * <p>Also the verdicts page of one run ({@code reckon report RUN --verdicts FILE}, e.g.
 * docs/verdicts-default.md): what ran, a line per sanity check and a row per claim with its verdict
 * and one line of why, the same sections as report.md's with the evidence left to report.html.
 */
final class MarkdownReport {
  /** The verdicts page's first line: it says how the page was made, and that it is not to be edited. */
  static final String GENERATED = "<!-- Written by `reckon report RUN --verdicts FILE` from the run directory alone: "
      + "do not edit it, write it again. -->";

  private MarkdownReport() {}

  static String render(Report report) {
    StringBuilder md = new StringBuilder("# ").append(report.title()).append("\n\n");
    for (RunResults run : report.runs()) {
      md.append("- `").append(run.id()).append("` ").append(Report.about(run).entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
    }
    report.sections().forEach(section -> verdicts(md, report, section, false));
    report.comparison().ifPresent(comparison -> comparison(md, comparison));
    for (int run = 0; run < report.runs().size(); run++) {
      String suffix = report.runs().size() > 1 ? ": `" + report.runs().get(run).id() + "`" : "";
      md.append("\n## Leaderboards").append(suffix).append('\n');
      for (Board board : report.boards().get(run)) {
        md.append("\n### ").append(Leaderboards.title(board)).append("\n\n").append(board.toMarkdown());
      }
    }
    return md.toString();
  }

  /**
   * The verdicts page of a report of one run: a title, {@code note} (where the run came from, which
   * its directory does not record, e.g. the commit; none when empty), the table of what ran, the
   * sanity checks and the claims, each with its verdict and one line of why.
   */
  static String verdictsPage(Report report, RunHeader header, String note) {
    if (report.runs().size() != 1) {
      throw new IllegalArgumentException("a verdicts page is of one run, not " + report.runs().size());
    }
    RunResults run = report.runs().get(0);
    StringBuilder md = new StringBuilder(GENERATED).append("\n\n# Verdicts of the run `").append(run.id())
        .append("`\n\n");
    if (!note.isBlank()) {
      md.append(note.strip()).append("\n\n");
    }
    md.append("| what ran | |\n| --- | --- |\n");
    header.rows(run).forEach((key, value) -> md.append("| ").append(key).append(" | ").append(cell(value))
        .append(" |\n"));
    md.append("\nEach claim is decided on the measurements pooled over the run's training seeds and on each seed "
        + "alone: reproduced only when the pooled decision and every seed agree, split when they do not. The numbers "
        + "each verdict compared are in the run's report.html and report.md (`reckon report RUN`).\n");
    report.sections().forEach(section -> verdicts(md, report, section, true));
    return md.toString();
  }

  /**
   * A section of verdicts: the sanity checks (with a line per run where one failed, so that a CI
   * summary shows it), the claims of the notes, or those of a plugin jar: a row each, a column a run;
   * {@code compact} (the verdicts page, of one run): a line per check and a row per claim, each with
   * its verdict and one line of why. The claims left out are named after the last section.
   */
  private static void verdicts(StringBuilder md, Report report, Report.Section section, boolean compact) {
    boolean sanity = section.sanity();
    md.append("\n## ").append(section.title()).append("\n\n");
    if (sanity) {
      for (int run = 0; run < report.runs().size(); run++) {
        List<String> failed = report.failedSanityChecks(run);
        if (!failed.isEmpty()) {
          md.append("**").append(failed.size()).append(failed.size() == 1 ? " sanity check failed" : " sanity checks "
              + "failed").append(" in `").append(report.runs().get(run).id()).append("`: ")
              .append(String.join(", ", failed)).append("; the run's numbers are suspect.**\n\n");
        }
      }
    }
    if (section.rows().isEmpty()) {
      md.append("_").append(Report.NONE_LISTED).append("_\n");
    } else if (compact) {
      compact(md, section);
    } else {
      table(md, report, section);
    }
    List<Report.Section> sections = report.sections();
    if (section.equals(sections.get(sections.size() - 1)) && !report.unlisted().isEmpty()) {
      md.append("\n").append(Report.UNLISTED).append(String.join(", ", report.unlisted())).append(".\n");
    }
  }

  private static void table(StringBuilder md, Report report, Report.Section section) {
    md.append(section.sanity() ? "| check | from |" : "| claim | from |");
    report.runs().forEach(run -> md.append(" `").append(run.id()).append("` |"));
    md.append("\n| --- | --- |").append(" --- |".repeat(report.runs().size())).append('\n');
    for (Report.ClaimRow row : section.rows()) {
      md.append("| **").append(row.claim().id()).append("** | ").append(row.source()).append(" |");
      for (ClaimVerdict verdict : row.verdicts()) {
        md.append(' ').append(verdict.label()).append(": ")
            .append(cell(String.join("; ", verdict.evidence()))).append(" |");
      }
      md.append('\n');
    }
  }

  /**
   * A bullet a sanity check (its verdict; why, unless it passed) or a table of the claims (claim,
   * verdict with its seed agreement, one line of why), of the report's one run. A claim from a
   * plugin jar says so after its id.
   */
  private static void compact(StringBuilder md, Report.Section section) {
    boolean sanity = section.sanity();
    if (!sanity) {
      md.append("| claim | verdict | why |\n| --- | --- | --- |\n");
    }
    for (Report.ClaimRow row : section.rows()) {
      ClaimVerdict verdict = row.verdicts().get(0);
      String id = "**" + row.claim().id() + "**" + (!sanity || row.source().equals(Claims.BUNDLED) ? ""
          : " (" + row.source() + ")");
      String reason = Report.reason(verdict);
      if (sanity) {
        md.append("- ").append(id).append(": ").append(verdict.label())
            .append(verdict.status() == ClaimStatus.REPRODUCED || reason.isEmpty() ? "" : ": " + reason).append('\n');
      } else {
        md.append("| ").append(id).append(" | ").append(cell(verdict.label())).append(" | ").append(cell(reason))
            .append(" |\n");
      }
    }
  }

  private static void comparison(StringBuilder md, RunComparison comparison) {
    md.append("\n## Comparison with the baseline `").append(comparison.runs().get(0).id()).append("`\n\n")
        .append("Primary metrics; outside the noise means the 95% intervals do not overlap. Every metric is in "
            + "comparison.csv.\n\n");
    for (int run = 1; run < comparison.runs().size(); run++) {
      Map<Verdict, Long> counts = comparison.counts(run);
      md.append("- `").append(comparison.runs().get(run).id()).append("`: ").append(counts.entrySet().stream()
          .map(e -> e.getValue() + " " + e.getKey().text()).collect(Collectors.joining(", "))).append('\n');
    }
    md.append('\n').append(comparison.toBoard(true).toMarkdown());
  }

  /** Text for a table cell: a pipe would end the cell. */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
