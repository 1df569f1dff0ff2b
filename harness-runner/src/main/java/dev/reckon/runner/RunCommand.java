package dev.reckon.runner;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.measurements.Numbers;
import dev.reckon.reports.render.ReportWriter;
import dev.reckon.runner.execution.BarProgress;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.execution.CellKey;
import dev.reckon.runner.execution.CellProcess;
import dev.reckon.runner.execution.ChildJvm;
import dev.reckon.runner.execution.Checkpoints;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.execution.DiscoveryProcess;
import dev.reckon.runner.execution.LineProgress;
import dev.reckon.runner.execution.PlannedCell;
import dev.reckon.runner.execution.PluginSnapshot;
import dev.reckon.runner.execution.RemainingTime;
import dev.reckon.runner.execution.RunExecutor;
import dev.reckon.runner.execution.RunPlanner;
import dev.reckon.runner.execution.RunPlanner.Plan;
import dev.reckon.runner.execution.RunProgress;
import dev.reckon.runner.execution.Sandbox;
import dev.reckon.runner.execution.Shard;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginClaims;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginLock;
import dev.reckon.runner.reporting.RunReporter;
import dev.reckon.runner.results.Manifest;
import dev.reckon.runner.results.ManifestFactory;
import dev.reckon.runner.results.ManifestFactory.RunIdentity;
import dev.reckon.runner.results.RunLock;
import dev.reckon.runner.results.RunStore;
import dev.reckon.runner.suites.Suite;
import dev.reckon.runner.suites.SuiteLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reckon run}: evaluates every selected model on every task it supports. In four steps,
 * once the loaded plugin jars are found to be those of {@code --lock} when it is given: open a new
 * run directory (or reopen one to resume), plan its cells, run them, finish with the manifest and
 * the report.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a suite (or chosen models and tasks) and "
    + "write a run directory.")
final class RunCommand implements Callable<Integer> {
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

  @Mixin SandboxOption sandboxOption;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "Where run directories are created. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Run with this one seed instead of the suite's.")
  Long seed;

  @Option(names = "--device", paramLabel = "auto|cpu|gpu[:N]", defaultValue = "auto",
      description = "Where models compute; auto takes a GPU when the engine sees one. Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(names = "--jobs", paramLabel = "N", description = "Cells run at once, each in its own process. Default: "
      + "the cores divided by the engine threads a cell uses (ai.djl.pytorch.num_threads).")
  Integer jobs;

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I (from 0) of N of the suite's cells, "
      + "in a run directory of its own; reckon merge joins the shards. Read from SLURM_ARRAY_TASK_ID and "
      + "SLURM_ARRAY_TASK_COUNT, or JOB_COMPLETION_INDEX and RECKON_SHARDS, when not given.")
  String shard;

  @Option(names = "--run-id", paramLabel = "ID", description = "The run's id (and directory name). Default: the "
      + "start time and the suite's name; under a Slurm array, the suite's name and the array's job id. Every "
      + "shard of one run needs the same id.")
  String runId;

  @Option(names = "--checkpoints-from", paramLabel = "RUN_DIR",
      description = "Evaluate the models trained in RUN_DIR (its checkpoints/) instead of training them again.")
  Path checkpointsFrom;

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Finish an interrupted run: cells already finished are kept, the others run.")
  Path resume;

  @Option(names = "--lock", paramLabel = "FILE", description = "Refuse to run, before any cell, unless the plugin "
      + "jars loaded are those FILE lists, each with its sha256 (reckon lock writes it).")
  Path lockFile;

  /** Whether the seeds of a cell share a process, and a network when the model stacks seeds. */
  enum SeedBatch { on, off }

  @Option(names = "--seed-batch", paramLabel = "on|off", defaultValue = "on", description = "on: the seeds of a "
      + "cell run in one process, as one network when the model trains seeds together (each seed's rows are its "
      + "own); off: each seed in a process of its own. Cells loaded with --checkpoints-from run alone. Default: "
      + "${DEFAULT-VALUE}.")
  SeedBatch seedBatch;

  @Option(names = "--accept-changes", description = "With --resume: go on although suite.yaml or a plugin jar "
      + "changed since the last attempt; the manifest keeps what each attempt ran with.")
  boolean acceptChanges;

  private final Console console;
  private final SuiteLoader suites;
  private final RunPlanner planner;
  private final RunExecutor executor;
  private final RunReporter reporter;
  private final Clock clock;

  @Inject
  RunCommand(Console console, SuiteLoader suites, RunPlanner planner, RunExecutor executor, RunReporter reporter,
      Clock clock) {
    this.console = console;
    this.suites = suites;
    this.planner = planner;
    this.executor = executor;
    this.reporter = reporter;
    this.clock = clock;
  }

  /**
   * A run directory opened for this attempt, with its plan and what its manifest says: the earlier
   * attempts, and the cells they finished as it described them.
   */
  private record OpenRun(Path directory, RunLock lock, RunIdentity identity, Plan plan, List<PlannedCell> cells,
      ComputeDevice device, Instant startedAt, List<Instant> resumedAt, List<Manifest.Attempt> earlierAttempts,
      Map<CellKey, Manifest.CellInfo> keptCells) {}

  @Override
  public Integer call() {
    requireConsistentOptions();
    Sandbox sandbox = sandboxOption.choose();
    sandbox.warning().ifPresent(warning -> console.err().println("warning: " + warning));
    Optional<PluginLock> locked = Optional.ofNullable(lockFile).map(PluginLock::read);
    DiscoveryProcess discovery = sandboxOption.discovery(sandbox);
    PluginCatalog catalog = plugins.discover(discovery);
    for (PluginFailure failure : catalog.failures()) {
      console.err().println("warning: plugin " + failure);
    }
    locked.ifPresent(pluginLock -> requireLocked(pluginLock, catalog));
    OpenRun run = resume != null ? reopen(catalog, discovery) : open(catalog, discovery);
    RunExecutor.Summary summary;
    try (RunLock lock = run.lock()) {
      PluginClaims.copy(catalog, run.directory()).forEach(warning -> console.err().println("warning: " + warning));
      // The whole plan's plugins, not this shard's: every shard of a run then has the same copies.
      java.util.Set<Path> used = new java.util.HashSet<>();
      run.plan().cells().forEach(cell -> used.addAll(List.of(cell.model().plugin(), cell.task().plugin())));
      PluginSnapshot snapshot = PluginSnapshot.take(run.directory(), catalog.plugins().stream()
          .filter(plugin -> used.contains(plugin.source())).toList());
      ManifestFactory manifests = new ManifestFactory(run.identity(),
          spec.commandLine().getParseResult().originalArgs(), run.startedAt(), run.resumedAt(), run.earlierAttempts(),
          run.device(), sandbox, catalog, snapshot, run.plan(), run.cells(), run.keptCells());
      manifests.create(null).write(run.directory());
      summary = execute(run, sandbox, snapshot);
      manifests.create(clock.instant()).write(run.directory());
      reporter.report(run.directory());
    } catch (UncheckedIOException e) {
      throw stopped(run.directory(), e);
    }
    console.out().printf(Locale.ROOT, "%d done, %d failed, %d skipped, %d kept from before%n",
        summary.counts().getOrDefault(Status.DONE, 0), summary.failed(), summary.counts().getOrDefault(Status.SKIPPED, 0),
        summary.reused());
    console.out().println("report: " + run.directory().resolve(RunReporter.FOLDER).resolve(ReportWriter.HTML));
    console.out().println("run directory: " + run.directory());
    // A plugin that hung, exited or ran out of memory outside its cells fails the run too, cells or not.
    boolean broken = catalog.anyBrokeItsProcess()
        || run.plan().failures().stream().anyMatch(PluginFailure::brokeItsProcess);
    return summary.failed() > 0 || broken ? 1 : 0;
  }

  private void requireConsistentOptions() {
    if (checkpointsFrom != null && !Files.isDirectory(checkpointsFrom.resolve("checkpoints"))) {
      throw new UsageException(checkpointsFrom + " holds no checkpoints/ folder: it is not a run with trained models");
    }
    if (acceptChanges && resume == null) {
      throw new UsageException("--accept-changes goes with --resume: a new run has nothing to change");
    }
    if (resume != null && (suiteName != null || !models.isEmpty() || !tasks.isEmpty() || seed != null
        || shard != null || runId != null)) {
      throw new UsageException("--resume finishes a run as it was planned; it takes no --suite, --models, --tasks, "
          + "--seed, --shard or --run-id");
    }
    if (resume == null) {
      requireWritableOut();
    }
    if (jobs != null && jobs < 1) {
      throw new UsageException("--jobs must be at least 1, not " + jobs);
    }
    if (runId != null && !dev.reckon.tck.SafeNames.safe(runId)) {
      throw new UsageException("--run-id '" + runId + "' is not a safe name: 1 to 64 letters, digits, '.', '_' or "
          + "'-', starting with a letter or digit");
    }
  }

  /** {@code --out} is, or can be made, a directory this process may write in. */
  private void requireWritableOut() {
    Path target = out.toAbsolutePath();
    for (Path path = target; path != null; path = path.getParent()) {
      if (!Files.exists(path)) {
        continue;
      }
      if (!Files.isDirectory(path)) {
        throw new UsageException("--out " + out + (path.equals(target) ? " is a file, not a directory"
            : " cannot be made: " + path + " is a file") + "; run directories are created in a directory");
      }
      if (!Files.isWritable(path)) {
        throw new UsageException("--out " + out + ": " + path + " is not writable");
      }
      return;
    }
  }

  /** CI pins the jars a run may load: other jars stop it before its run directory is made or reopened. */
  private void requireLocked(PluginLock pluginLock, PluginCatalog catalog) {
    List<String> differences = pluginLock.differences(PluginLock.of(catalog));
    if (!differences.isEmpty()) {
      throw new UsageException("the loaded plugin jars are not those of lock file " + lockFile + ": "
          + String.join("; ", differences) + "; if the change is meant, write the lock again with reckon lock");
    }
  }

  /** A new run directory: the suite narrowed to the selection, planned, and this process's shard of it. */
  private OpenRun open(PluginCatalog catalog, DiscoveryProcess discovery) {
    String source = suiteName == null ? "default" : suiteName;
    Suite suite = planner.narrow(suites.load(source), catalog, new RunPlanner.Selection(models, tasks, seed));
    Plan plan = planned(suite, catalog, discovery);
    Optional<Shard> part = shard != null ? Optional.of(Shard.parse(shard)) : Shard.fromEnvironment(System.getenv());
    ComputeDevice computeDevice = ComputeDevice.choose(device);
    Instant started = clock.instant();
    String id = runId != null ? runId : defaultRunId(suite, started, part);
    String text = suites.write(suite);
    Path directory = newRunDirectory(part.map(p -> id + "-shard-" + p.index() + "-of-" + p.count()).orElse(id));
    Manifest.Shard shardInfo = part.map(p -> new Manifest.Shard(p.index(), p.count(), plan.cells().size()))
        .orElse(null);
    RunLock lock;
    try {
      Files.writeString(directory.resolve(RunFormat.SUITE), text, StandardCharsets.UTF_8);
      lock = RunLock.acquire(directory, ComputeDevice.host()).lock().orElseThrow();
    } catch (IOException e) {
      throw stopped(directory, new UncheckedIOException("cannot write " + directory.resolve(RunFormat.SUITE), e));
    } catch (UncheckedIOException e) {
      throw stopped(directory, e);
    }
    return new OpenRun(directory, lock, new RunIdentity(id, suite, source, sha256(text), shardInfo), plan,
        part.map(p -> p.select(plan.cells())).orElse(plan.cells()), computeDevice, started, List.of(), List.of(),
        Map.of());
  }

  /**
   * A write that failed (a full disk) stops the run in one sentence, its stack trace in the run's
   * errors.log. What the run finished stays, and a resume goes on from it; a new run stopped before
   * its manifest ran no cell, and its directory, which no resume could open, is removed.
   */
  private CommandFailedException stopped(Path directory, UncheckedIOException e) {
    String failure = Errors.ioFailure(e);
    if (!Files.exists(directory.resolve(RunFormat.MANIFEST))) {
      ChildJvm.deleteQuietly(directory);
      return new CommandFailedException(failure + "; no cell had run, so " + directory + (Files.exists(directory)
          ? " holds nothing to resume: remove it and" : " was removed:") + " start the run again once the cause is "
          + "fixed", e);
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String kept;
    try {
      new RunStore(directory).logStop(trace.toString());
      kept = "its stack trace is in " + directory.resolve(RunFormat.ERRORS);
    } catch (UncheckedIOException unwritten) {
      kept = "its stack trace could not be kept either";
    }
    return new CommandFailedException(failure + "; the cells finished so far are kept, and reckon run --resume "
        + directory + " goes on from them once the cause is fixed (" + kept + ")", e);
  }

  /**
   * The run directory of {@code --resume}, locked, with its suite and shard as first planned. It
   * refuses a run another process writes, a suite or plugin jars changed since the last attempt
   * (unless {@code --accept-changes}), and plugins missing for cells the run planned.
   */
  private OpenRun reopen(PluginCatalog catalog, DiscoveryProcess discovery) {
    Path file = resume.resolve(RunFormat.SUITE);
    if (!Files.isRegularFile(file)) {
      throw new UsageException(resume + " is not a run directory: it has no " + RunFormat.SUITE);
    }
    RunLock.Result locked = RunLock.acquire(resume, ComputeDevice.host());
    RunLock lock = locked.lock().orElseThrow(() -> new UsageException(resume + " is being written by "
        + locked.holder() + "; a run directory has one writer at a time"));
    try {
      if (!Files.isRegularFile(resume.resolve(RunFormat.MANIFEST))) {
        // the manifest is written before the first cell starts: nothing of such a run was computed
        throw new UsageException(resume + " has a " + RunFormat.SUITE + " but no " + RunFormat.MANIFEST + ": its run "
            + "stopped as it started (killed, or a write failed), before any cell ran, so there is nothing to resume; "
            + "remove it and start the run again");
      }
      String text = readSuite(file);
      Manifest manifest = Manifest.read(resume);
      if (manifest.formatVersion() > RunFormat.VERSION) {
        throw new UsageException(resume + " is a run of format " + manifest.formatVersion() + ", newer than the format "
            + RunFormat.VERSION + " this reckon writes; resume it with the reckon that started it");
      }
      requireUnchanged(manifest, sha256(text), catalog);
      Suite suite = suites.load(file.toString());
      Plan plan = planned(suite, catalog, discovery);
      Manifest.Shard shardInfo = manifest.shard();
      List<PlannedCell> cells = shardInfo == null ? plan.cells()
          : new Shard(shardInfo.index(), shardInfo.count()).select(plan.cells());
      requireEveryCellPlanned(manifest, cells, suite, catalog);
      List<Instant> resumedAt = new ArrayList<>(manifest.resumedAt() == null ? List.of() : manifest.resumedAt());
      List<Manifest.Attempt> attempts = new ArrayList<>(manifest.earlierAttempts() == null ? List.of()
          : manifest.earlierAttempts());
      attempts.add(new Manifest.Attempt(resumedAt.isEmpty() ? manifest.startedAt() : resumedAt.get(resumedAt.size() - 1),
          manifest.suite().fingerprint(), manifest.plugins(), manifest.seeds().data()));
      resumedAt.add(clock.instant());
      RunStore store = new RunStore(resume);
      try {
        store.discardUnfinished().forEach(warning -> console.err().println("warning: " + warning));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
      Set<CellKey> kept = store.finishedCells();
      Map<CellKey, Manifest.CellInfo> keptCells = manifest.cells() == null ? Map.of() : manifest.cells().stream()
          .filter(cell -> kept.contains(cell.key())).collect(Collectors.toMap(Manifest.CellInfo::key, cell -> cell));
      return new OpenRun(resume, lock, new RunIdentity(manifest.runId(), suite, file.toString(), sha256(text),
          shardInfo), plan, cells, ComputeDevice.choose(device), manifest.startedAt(), resumedAt, attempts, keptCells);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The cells finished so far were computed with the suite and jars of the last attempt; a change is named. */
  private void requireUnchanged(Manifest manifest, String suiteFingerprint, PluginCatalog catalog) {
    List<String> changes = new ArrayList<>();
    if (manifest.suite().fingerprint() != null && !manifest.suite().fingerprint().equals(suiteFingerprint)) {
      changes.add(RunFormat.SUITE + " was edited");
    }
    java.util.SortedSet<String> before = Manifest.jarFingerprints(manifest.plugins());
    java.util.SortedSet<String> now = new java.util.TreeSet<>(catalog.plugins().stream()
        .flatMap(plugin -> plugin.jars().stream()).map(jar -> Manifest.jarFingerprint(jar.path(), jar.sha256()))
        .toList());
    before.stream().filter(jar -> !now.contains(jar)).forEach(jar -> changes.add("jar " + jar.split(" ")[0]
        + " (sha256 " + jar.split(" ")[1].substring(0, 12) + "...) is gone or changed"));
    now.stream().filter(jar -> !before.contains(jar)).forEach(jar -> changes.add("jar " + jar.split(" ")[0]
        + " (sha256 " + jar.split(" ")[1].substring(0, 12) + "...) is new"));
    if (!changes.isEmpty() && !acceptChanges) {
      throw new UsageException(resume + " changed since its last attempt: " + String.join("; ", changes)
          + "; the finished cells were computed before, so resume with --accept-changes to go on anyway (the "
          + "manifest keeps what each attempt ran with)");
    }
    changes.forEach(change -> console.err().println("warning: accepted change: " + change));
  }

  /**
   * A cell of the run that this resume cannot plan would stay unfinished silently: its plugin
   * directory was not given, or {@code suite}, edited, no longer has it.
   */
  private void requireEveryCellPlanned(Manifest manifest, List<PlannedCell> cells, Suite suite,
      PluginCatalog catalog) {
    if (manifest.cells() == null) {
      return;
    }
    Set<CellKey> planned = cells.stream().map(PlannedCell::key).collect(Collectors.toSet());
    List<CellKey> lost = manifest.cells().stream().map(Manifest.CellInfo::key).filter(key -> !planned.contains(key))
        .toList();
    if (lost.isEmpty()) {
      return;
    }
    String lostCells = "this resume cannot plan " + lost.size() + " of the run's cells, e.g. " + lost.get(0) + ": ";
    Optional<CellKey> unloaded = lost.stream()
        .filter(key -> catalog.model(key.model()).isEmpty() || catalog.task(key.task()).isEmpty()).findFirst();
    if (unloaded.isPresent()) {
      throw new UsageException(lostCells + "model " + unloaded.get().model() + " or task " + unloaded.get().task()
          + " is in no loaded plugin; resume with the --plugins the run had");
    }
    CellKey first = lost.get(0);
    String removed = suite.models().stream().noneMatch(model -> model.id().equals(first.model()))
        ? "no longer names model " + first.model()
        : suite.tasks().stream().noneMatch(task -> task.id().equals(first.task()))
            ? "no longer names task " + first.task() : "no longer plans them (their training level, seed or task list "
                + "changed)";
    throw new UsageException(lostCells + RunFormat.SUITE + ", edited, " + removed + "; a resume finishes the "
        + "cells the run planned, so put them back, or start a new run of the smaller suite");
  }

  private Plan planned(Suite suite, PluginCatalog catalog, DiscoveryProcess discovery) {
    Plan plan = planner.plan(suite, catalog, discovery);
    for (PluginFailure failure : plan.failures()) {
      console.err().println("warning: plugin " + failure);
    }
    for (String missing : plan.missing()) {
      console.err().println("warning: the suite names " + missing + ", which no loaded plugin provides");
    }
    for (String unusable : plan.unusable()) {
      console.err().println("warning: " + unusable + "; its cells are left out");
    }
    if (plan.cells().isEmpty()) {
      throw new UsageException("nothing to run: no loaded model and task of suite " + suite.name() + " match");
    }
    return plan;
  }

  private RunExecutor.Summary execute(OpenRun run, Sandbox sandbox, PluginSnapshot snapshot) {
    int parallel = jobs != null ? jobs : RunExecutor.defaultJobs();
    console.err().printf(Locale.ROOT, "reckon: %s of suite %s%s on %s (%s %s), %d at once -> %s%n",
        Numbers.count(run.cells().size(), "cell"), run.identity().suite().name(), run.identity().shard() == null ? ""
            : " (shard " + run.identity().shard().index() + " of " + run.identity().shard().count() + ")",
        run.device().name(), run.device().engine().getEngineName(), run.device().engine().getVersion(), parallel,
        run.directory());
    try (RunProgress progress = progress(run.cells())) {
      CellProcess process = new CellProcess(snapshot, run.device().name(),
          Checkpoints.of(run.directory(), checkpointsFrom),
          Duration.ofSeconds(Math.round(run.identity().suite().cellTimeLimitMinutes() * 60)), run.directory(), clock,
          sandbox);
      return executor.execute(run.cells(), new RunStore(run.directory()), process, progress, parallel,
          seedBatch == SeedBatch.on && checkpointsFrom == null);
    }
  }

  /** Under a Slurm array every shard must agree on the id without talking: the array's job id gives it. */
  private static String defaultRunId(Suite suite, Instant started, Optional<Shard> part) {
    String arrayJob = System.getenv("SLURM_ARRAY_JOB_ID");
    if (part.isPresent() && arrayJob != null) {
      return suite.name() + "-slurm-" + arrayJob;
    }
    if (part.isPresent()) {
      throw new UsageException("--shard needs --run-id ID, the same for every shard, so that reckon merge knows "
          + "they belong together");
    }
    return RUN_ID.format(started) + "-" + suite.name();
  }

  /** A new, empty directory in {@code --out} named {@code name}, or {@code name-2}, ... when it is taken. */
  private Path newRunDirectory(String name) {
    try {
      Files.createDirectories(out);
      Path directory = out.resolve(name);
      for (int attempt = 2; Files.exists(directory); attempt++) {
        directory = out.resolve(name + "-" + attempt);
      }
      return Files.createDirectory(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory in " + out, e);
    }
  }

  private static String readSuite(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private RunProgress progress(List<PlannedCell> cells) {
    RemainingTime remaining = RemainingTime.of(cells);
    return console.interactive() ? new BarProgress(cells.size(), remaining, console.err())
        : new LineProgress(cells.size(), remaining, console.err());
  }
}
