package dev.reckon.runner;

import dev.reckon.reports.measurements.Numbers;
import dev.reckon.reports.render.ReportWriter;
import dev.reckon.runner.reporting.RunReporter;
import dev.reckon.runner.results.RunMerger;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reckon merge SHARD_DIR... --out DIR}: the shards of a run, joined into one run directory. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Join the run directories of a run's shards "
    + "(reckon run --shard I/N) into one run directory with its report; exit 1 when cells are missing or failed.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shards' run directories.")
  List<Path> shards = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged run directory.")
  Path out;

  private final Console console;
  private final RunReporter reporter;

  @Inject
  MergeCommand(Console console, RunReporter reporter) {
    this.console = console;
    this.reporter = reporter;
  }

  @Override
  public Integer call() {
    RunDirectories.requireExisting(shards);
    RunMerger.Outcome merged;
    try {
      merged = new RunMerger().merge(shards, out);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    reporter.report(out);
    PrintStream print = console.out();
    print.printf(Locale.ROOT, "merged %s: %s (%s)%n", Numbers.count(shards.size(), "shard"),
        Numbers.count(merged.cells(), "cell"),
        merged.statuses().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", ")));
    merged.missing().forEach(missing -> print.println("missing: " + missing));
    print.println("report: " + out.resolve(RunReporter.FOLDER).resolve(ReportWriter.HTML));
    print.println("run directory: " + out);
    boolean complete = merged.missing().isEmpty() && !merged.statuses().containsKey("failed");
    return complete ? 0 : 1;
  }
}
