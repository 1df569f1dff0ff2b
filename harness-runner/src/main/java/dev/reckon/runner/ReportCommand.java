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

/** {@code reckon report RUN [RUN...]}: report.html, report.md and leaderboards from run directories alone. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write report.html (tables and charts, "
    + "opens offline), report.md and the leaderboard CSVs of a run; given several runs, compare each with the first.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories; the first is the baseline.")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: RUN/report for one run; "
      + "for several, report-vs-BASELINE (the first run's directory name) in the last run's directory.")
  Path out;

  private final Console console;

  @Inject
  ReportCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    RunDirectories.requireExisting(runs);
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
}
