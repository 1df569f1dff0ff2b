package dev.reckon.runner;

import dev.reckon.reports.ReportWriter;
import dev.reckon.runner.execution.BarProgress;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.execution.CellRunner;
import dev.reckon.runner.execution.Checkpoints;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.execution.DatasetCache;
import dev.reckon.runner.execution.LineProgress;
import dev.reckon.runner.execution.RunExecutor;
import dev.reckon.runner.execution.RunPlanner;
import dev.reckon.runner.execution.RunPlanner.Plan;
import dev.reckon.runner.execution.RunProgress;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.runner.reporting.RunReporter;
import dev.reckon.runner.results.Manifest;
import dev.reckon.runner.results.ManifestFactory;
import dev.reckon.runner.results.RunStore;
import dev.reckon.runner.suites.Suite;
import dev.reckon.runner.suites.SuiteLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reckon run}: evaluates every selected model on every task it supports. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a suite (or chosen models and tasks) and write a run directory.")
final class RunCommand implements Callable<Integer> {
  static final String SUITE_FILE = "suite.yaml";
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(names = "--suite", paramLabel = "NAME|FILE",
      description = "A built-in suite (quick, default, full, stress) or a suite YAML file. Default: default.")
  String suiteName;

  @Option(names = "--models", split = ",", paramLabel = "ID", description = "Only these models.")
  List<String> models = new ArrayList<>();

  @Option(names = "--tasks", split = ",", paramLabel = "ID", description = "Only these tasks.")
  List<String> tasks = new ArrayList<>();

  @Mixin PluginOptions plugins;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "Where run directories are created. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Run with this one seed instead of the suite's.")
  Long seed;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu[:N]", defaultValue = "auto",
      description = "Where models compute; auto takes a GPU when the engine sees one. Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(names = "--checkpoints-from", paramLabel = "RUN_DIR",
      description = "Evaluate the models trained in RUN_DIR (its checkpoints/) instead of training them again.")
  Path checkpointsFrom;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Finish an interrupted run: cells already finished are kept, the others run.")
  Path resume;

  private final Console console;
  private final SuiteLoader suites;
  private final RunPlanner planner;
  private final RunExecutor executor;
  private final RunReporter reporter;
  private final Clock clock;

  @Inject
  RunCommand(Console console, SuiteLoader suites,
      RunPlanner planner, RunExecutor executor, RunReporter reporter, Clock clock) {
    this.console = console;
    this.suites = suites;
    this.planner = planner;
    this.executor = executor;
    this.reporter = reporter;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (checkpointsFrom != null && !Files.isDirectory(checkpointsFrom.resolve("checkpoints"))) {
      throw new UsageException(checkpointsFrom + " holds no checkpoints/ folder: it is not a run with trained models");
    }
    if (resume != null && (suiteName != null || !models.isEmpty() || !tasks.isEmpty() || seed != null)) {
      throw new UsageException("--resume finishes a run as it was planned; it takes no --suite, --models, --tasks "
          + "or --seed");
    }
    PluginRegistry registry = plugins.load();
    for (PluginFailure failure : registry.failures()) {
      console.err().println("warning: plugin " + failure);
    }
    Suite suite;
    String suiteSource;
    if (resume != null) {
      if (!Files.isRegularFile(resume.resolve(SUITE_FILE))) {
        throw new UsageException(resume + " is not a run directory: it has no " + SUITE_FILE);
      }
      suiteSource = resume.resolve(SUITE_FILE).toString();
      suite = suites.load(suiteSource);
    } else {
      suiteSource = suiteName == null ? "default" : suiteName;
      suite = suites.load(suiteSource);
    }
    if (resume == null) {
      suite = planner.narrow(suite, registry, new RunPlanner.Selection(models, tasks, seed));
    }
    Plan plan = planner.plan(suite, registry);
    for (String missing : plan.missing()) {
      console.err().println("warning: the suite names " + missing + ", which no loaded plugin provides");
    }
    if (plan.cells().isEmpty()) {
      throw new UsageException("nothing to run: no loaded model and task of suite " + suite.name() + " match");
    }
    ComputeDevice computeDevice = ComputeDevice.choose(device);
    Instant started = clock.instant();
    Path runDirectory = resume != null ? resume : newRunDirectory(suite, started);
    RunStore store = new RunStore(runDirectory);
    store.discardUnfinished();
    DatasetCache data = new DatasetCache();
    Manifest manifest = resume != null ? Manifest.read(runDirectory) : null;
    List<Instant> resumedAt = new ArrayList<>(manifest == null ? List.of() : manifest.resumedAt());
    if (manifest != null) {
      resumedAt.add(started);
    }
    ManifestFactory manifests = new ManifestFactory(runDirectory.getFileName().toString(),
        spec.commandLine().getParseResult().originalArgs(), suite, suiteSource,
        manifest == null ? started : manifest.startedAt(), resumedAt, computeDevice, registry, plan);
    manifests.create(data.seeds(), null).write(runDirectory);
    console.err().printf(Locale.ROOT, "reckon: %d cells of suite %s on %s (%s %s) -> %s%n", plan.cells().size(),
        suite.name(), computeDevice.name(), computeDevice.engine().getEngineName(),
        computeDevice.engine().getVersion(), runDirectory);
    RunExecutor.Summary summary;
    try (RunProgress progress = progress(plan.cells().size())) {
      CellRunner runner = new CellRunner(computeDevice.name(), data, progress,
          Duration.ofSeconds(Math.round(suite.cellTimeLimitMinutes() * 60)), clock,
          Checkpoints.of(runDirectory, checkpointsFrom));
      summary = executor.execute(plan.cells(), store, runner, progress);
    }
    manifests.create(data.seeds(), clock.instant()).write(runDirectory);
    reporter.report(runDirectory);
    console.out().printf(Locale.ROOT, "%d done, %d failed, %d skipped, %d kept from before%n",
        summary.counts().getOrDefault(Status.DONE, 0), summary.failed(), summary.counts().getOrDefault(Status.SKIPPED, 0),
        summary.reused());
    console.out().println("report: " + runDirectory.resolve(RunReporter.FOLDER).resolve(ReportWriter.HTML));
    console.out().println("run directory: " + runDirectory);
    return summary.failed() > 0 ? 1 : 0;
  }

  private Path newRunDirectory(Suite suite, Instant started) {
    String base = RUN_ID.format(started) + "-" + suite.name();
    try {
      Files.createDirectories(out);
      Path directory = out.resolve(base);
      for (int attempt = 2; Files.exists(directory); attempt++) {
        directory = out.resolve(base + "-" + attempt);
      }
      Files.createDirectory(directory);
      Files.writeString(directory.resolve(SUITE_FILE), suites.write(suite), StandardCharsets.UTF_8);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory in " + out, e);
    }
  }

  private RunProgress progress(int cells) {
    return console.interactive() ? new BarProgress(cells, console.err()) : new LineProgress(cells, console.err());
  }
}
