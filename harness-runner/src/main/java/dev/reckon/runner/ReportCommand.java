package dev.reckon.runner;

import dev.reckon.reports.render.ReportWriter;
import dev.reckon.runner.reporting.RunReporter;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reckon report RUN [RUN...]}: report.html, report.md and leaderboards from run directories
 * alone; {@code reckon report RUN --verdicts FILE}: only the run's verdicts page (what ran, the
 * sanity checks, the claims' verdicts), e.g. docs/verdicts-default.md.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write report.html (tables and charts, "
    + "opens offline), report.md and the leaderboard CSVs of a run; given several runs, compare each with the first. "
    + "With --verdicts, write only the run's verdicts page.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories; the first is the baseline.")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: RUN/report for one run; "
      + "for several, report-vs-BASELINE (the first run's directory name) in the last run's directory.")
  Path out;

  @Option(names = "--verdicts", paramLabel = "FILE", description = "Write only the verdicts page of the one RUN to "
      + "FILE (Markdown: what ran, a line per sanity check, the claims with their verdicts, seed agreement and one "
      + "line of why), and nothing into the run directory.")
  Path verdicts;

  @Option(names = "--note", paramLabel = "TEXT", description = "With --verdicts: a line under the page's title, "
      + "e.g. the commit and machine the run came from, which the run directory does not record.")
  String note = "";

  private final Console console;

  @Inject
  ReportCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    RunDirectories.requireExisting(runs);
    if (verdicts != null) {
      return verdictsPage();
    }
    if (!note.isEmpty()) {
      throw new UsageException("--note goes with --verdicts: it is a line of the verdicts page");
    }
    Path target = out != null ? out : runs.size() == 1 ? runs.get(0).resolve(RunReporter.FOLDER)
        : runs.get(runs.size() - 1).resolve("report-vs-" + runs.get(0).toAbsolutePath().normalize().getFileName());
    List<Path> written;
    try {
      written = ReportWriter.write(runs, target);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    written.forEach(file -> console.out().println("wrote " + file));
    return 0;
  }

  private int verdictsPage() {
    if (runs.size() != 1) {
      throw new UsageException("--verdicts writes the page of one run; " + runs.size() + " were given");
    }
    if (out != null) {
      throw new UsageException("--verdicts names the page's file; --out is for the report's folder");
    }
    Path written = RunDirectories.read(() -> ReportWriter.writeVerdicts(runs.get(0), verdicts, note));
    console.out().println("wrote " + written);
    return 0;
  }
}
