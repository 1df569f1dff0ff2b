package dev.reckon.runner;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.check.PairedComparison;
import dev.reckon.reports.check.RunComparison.Verdict;
import dev.reckon.reports.format.RunResults;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reckon compare RUN_A RUN_B}: every number of two runs, B - A, paired by seed on the
 * per-example outcomes where both runs have them ({@link PairedComparison}); a table on standard
 * output and a CSV.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two runs number by number: "
    + "the difference B - A with its 95% interval and a verdict (better, worse, within the noise), paired example by "
    + "example where both runs stored outcomes on the same evaluation sets, else from the two intervals.")
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A", description = "The run compared against.")
  Path runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared.")
  Path runB;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write compare-vs-A.csv (A: RUN_A's directory "
      + "name). Default: RUN_B.")
  Path out;

  private final Console console;

  @Inject
  CompareCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    RunDirectories.requireExisting(List.of(runA, runB));
    PairedComparison comparison = RunDirectories.read(() -> PairedComparison.of(RunResults.read(runA),
        RunResults.read(runB)));
    Board table = comparison.toBoard();
    Board named = new Board("compare-vs-" + runA.toAbsolutePath().normalize().getFileName(), table.header(),
        table.rows());
    Path directory = out != null ? out : runB;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UsageException("cannot write the comparison to " + directory + ": " + e.getMessage(), e);
    }
    named.writeCsv(directory);
    PrintStream print = console.out();
    print.print(table.toText());
    Map<Verdict, Long> counts = comparison.rows().stream()
        .collect(Collectors.groupingBy(PairedComparison.Row::verdict, () -> new EnumMap<>(Verdict.class),
            Collectors.counting()));
    long paired = comparison.rows().stream().filter(PairedComparison.Row::paired).count();
    print.printf(Locale.ROOT, "%s against %s: %s; %d of %d numbers paired%n", comparison.b().id(),
        comparison.a().id(), counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
            .collect(Collectors.joining(", ")), paired, comparison.rows().size());
    print.println("wrote " + directory.resolve(named.name() + ".csv"));
    return 0;
  }
}
