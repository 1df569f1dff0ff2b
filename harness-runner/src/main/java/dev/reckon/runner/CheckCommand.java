package dev.reckon.runner;

import dev.reckon.reports.check.CheckReport;
import dev.reckon.reports.check.RegressionCheck;
import dev.reckon.reports.check.RegressionCheck.CheckedCell;
import dev.reckon.reports.check.RegressionCheck.Checked;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.check.Tolerances;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.measurements.Numbers;
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

/**
 * {@code reckon check RUN --baseline DIR}: a regression check for CI; exit 1 when a number got
 * worse, is missing or is not finite in the run, or a cell of the baseline is missing or failed in
 * the run; exit 2 when the baseline cannot be checked against (no numbers, a malformed table named
 * by file, line and column, another suite's run).
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a run against a stored baseline: "
    + "exit 0 when no number got worse beyond its tolerance and the noise, 1 when one did, is missing or is NaN, or a "
    + "cell of the baseline is missing or failed in the run, 2 on a usage error (a malformed or empty baseline, a "
    + "baseline of another suite).")
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
    RegressionCheck check = RunDirectories.read(() -> {
      Tolerances parsed = Tolerances.parse(tolerances);
      return RegressionCheck.of(RunResults.readBaseline(baseline), RunResults.read(run), parsed);
    });
    if (junit != null) {
      CheckReport.writeJUnit(check, junit);
    }
    if (summary != null) {
      CheckReport.writeMarkdown(check, summary);
    }
    PrintStream out = console.out();
    List<CheckedCell> cells = check.cellFailures();
    long withCells = 0;
    for (CheckedCell cell : cells) {
      out.println("FAIL " + cell.failure().orElseThrow());
    }
    for (Checked failure : check.failures()) {
      // A missing cell's numbers are all missing too: the cell's line says it once.
      if (failure.change().verdict() == Verdict.MISSING && cells.stream().anyMatch(c -> c.holds(failure.key()))) {
        withCells++;
      } else {
        out.println("FAIL " + failure.failure().orElseThrow());
      }
    }
    if (withCells > 0) {
      out.printf(Locale.ROOT, "(and %s of those cells missing; --junit and --summary list each)%n",
          Numbers.count(withCells, "number"));
    }
    out.printf(Locale.ROOT, "check %s: %s and %s of %s checked against %s, %d failed%n",
        check.passed() ? "passed" : "FAILED", Numbers.count(check.checked().size(), "number"),
        Numbers.count(check.cells().size(), "cell"), check.run().id(),
        check.baseline().id(), check.failures().size() + cells.size());
    return check.passed() ? 0 : REGRESSION;
  }
}
