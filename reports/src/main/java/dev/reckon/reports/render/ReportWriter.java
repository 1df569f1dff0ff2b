package dev.reckon.reports.render;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report of one or more run directories, from their files alone (the claims of the
 * project and those the runs' plugin jars brought), into a directory:
 * report.html, report.md and the leaderboard CSVs (leaderboards/ for one run, leaderboards/RUN-ID/
 * for several); with several runs also comparison.csv, every number of the first run against the
 * others.
 */
public final class ReportWriter {
  public static final String HTML = "report.html";
  public static final String MARKDOWN = "report.md";
  public static final String COMPARISON = "comparison.csv";

  private ReportWriter() {}

  /**
   * Writes the report of {@code runDirectories} into {@code out} and returns the files written.
   *
   * @throws IllegalArgumentException when a directory is not a run directory
   */
  public static List<Path> write(List<Path> runDirectories, Path out) {
    Report report = Report.of(runDirectories.stream().map(RunResults::read).toList());
    List<RunResults> runs = report.runs();
    List<Path> written = new ArrayList<>();
    try {
      for (int run = 0; run < runs.size(); run++) {
        Path boards = runs.size() == 1 ? out.resolve("leaderboards") : out.resolve("leaderboards")
            .resolve(runs.get(run).id());
        Files.createDirectories(boards);
        for (Board board : report.boards().get(run)) {
          board.writeCsv(boards);
          written.add(boards.resolve(board.name() + ".csv"));
        }
      }
      if (report.comparison().isPresent()) {
        report.comparison().get().toBoard(false).writeCsv(out);
        written.add(out.resolve(COMPARISON));
      }
      written.add(write(out.resolve(MARKDOWN), MarkdownReport.render(report)));
      written.add(write(out.resolve(HTML), HtmlReport.render(report)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + out, e);
    }
    return written;
  }

  /**
   * Writes the verdicts page of {@code runDirectory} to {@code file} (Markdown: what ran, a line per
   * sanity check, a row per claim with its verdict, seed agreement and one line of why), from the run
   * directory alone, writing nothing into it; {@code note}, when not empty, goes under the title (say
   * there what the run directory does not record, such as the commit it was made from). E.g.
   * docs/verdicts-default.md, from a default run.
   *
   * @throws IllegalArgumentException when the directory is not a run directory
   */
  public static Path writeVerdicts(Path runDirectory, Path file, String note) {
    Report report = Report.of(List.of(RunResults.read(runDirectory)));
    String page = MarkdownReport.verdictsPage(report, RunHeader.of(runDirectory), note);
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the folder " + parent, e);
    }
    return write(file, page);
  }

  /** Writes one file of the report; a write that fails (a full disk) names the file. */
  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
