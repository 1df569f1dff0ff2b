package dev.reckon.runner;

import dev.reckon.reports.CheckReport;
import dev.reckon.reports.RegressionCheck;
import dev.reckon.reports.RunResults;
import dev.reckon.reports.Tolerances;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reckon check RUN --baseline DIR}: a regression check for CI; exit 1 when a number got worse. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a run against a stored baseline: "
    + "exit 0 when no number got worse beyond its tolerance and the noise, 1 when one did or is missing, 2 on a usage "
    + "error.")
final class CheckCommand implements Callable<Integer> {
  /** A number got worse beyond its tolerance, or went missing. */
  static final int REGRESSION = 1;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run directory to check.")
  Path run;

  @Option(names = "--baseline", required = true, paramLabel = "DIR",
      description = "A run directory, or a directory holding a run's results.csv (and manifest.json, cells.csv).")
  Path baseline;

  @Option(names = "--tolerance", paramLabel = "METRIC=VALUE", description = "How much worse a metric may get, "
      + "absolute, in its unit (repeatable; * for every metric). Defaults: " + Tolerances.FRACTION
      + " for fractions, " + Tolerances.OTHER + " for other units.")
  List<String> tolerances = new ArrayList<>();

  @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: a test case a checked number.")
  Path junit;

  @Option(names = "--summary", paramLabel = "FILE", description = "Write a Markdown summary, e.g. for a CI job "
      + "summary.")
  Path summary;

  private final Console console;

  @Inject
  CheckCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    RunDirectories.requireExisting(List.of(run, baseline));
    RegressionCheck check;
    try {
      check = RegressionCheck.of(RunResults.read(baseline), RunResults.read(run), Tolerances.parse(tolerances));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (junit != null) {
      CheckReport.writeJUnit(check, junit);
    }
    if (summary != null) {
      CheckReport.writeMarkdown(check, summary);
    }
    PrintStream out = console.out();
    check.failures().forEach(failure -> out.println("FAIL " + failure.failure().orElseThrow()));
    out.printf(Locale.ROOT, "check %s: %d numbers of %s checked against %s, %d failed%n",
        check.passed() ? "passed" : "FAILED", check.checked().size(), check.run().id(), check.baseline().id(),
        check.failures().size());
    return check.passed() ? 0 : REGRESSION;
  }
}
