package dev.reckon.runner;

import dev.reckon.reports.check.RunHistory;
import dev.reckon.reports.check.RunHistory.Step;
import dev.reckon.reports.check.Tolerances;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.render.HistoryWriter;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reckon history RUN...}: runs of one suite in the order they started, each checked against
 * the run before as {@code reckon check} would; history.html (each primary metric over the runs,
 * its band, a ring where the check fails), history.md and history.csv. It draws; it does not gate:
 * exit 0 whatever the checks say ({@code reckon check} is the gate).
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Draw runs of one suite in the order "
    + "they started: each primary metric over the runs with its 95% band, and a ring where reckon check fails a "
    + "number against the run before; history.html (opens offline), history.md and history.csv.")
final class HistoryCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run directories, or directories holding a run's "
      + "results.csv and manifest.json (e.g. CI artifacts), at least two, in any order.")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write. Default: history in the newest run's "
      + "directory.")
  Path out;

  @Option(names = "--tolerance", paramLabel = "METRIC=VALUE", description = "As for reckon check: how much worse a "
      + "metric may get, absolute, in its unit (repeatable; * for every metric). Defaults: " + Tolerances.FRACTION
      + " for fractions, " + Tolerances.OTHER + " for other units.")
  List<String> tolerances = new ArrayList<>();

  private final Console console;

  @Inject
  HistoryCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    RunDirectories.requireExisting(runs);
    RunHistory history = RunDirectories.read(() -> {
      Tolerances parsed = Tolerances.parse(tolerances);
      return RunHistory.of(runs.stream().map(RunResults::read).toList(), parsed);
    });
    List<Path> written = HistoryWriter.write(history,
        out != null ? out : history.newest().directory().resolve(HistoryWriter.FOLDER));
    PrintStream print = console.out();
    List<Step> steps = history.steps();
    for (int run = 1; run < steps.size(); run++) {
      Step step = steps.get(run);
      if (step.check().map(check -> !check.passed()).orElse(false)) {
        print.println("run " + (run + 1) + " (" + step.run().id() + ") fails the check against run " + run + " ("
            + steps.get(run - 1).run().id() + ")");
      }
    }
    written.forEach(file -> print.println("wrote " + file));
    return 0;
  }
}
