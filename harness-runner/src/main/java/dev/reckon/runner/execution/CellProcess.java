package dev.reckon.runner.execution;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.runner.Errors;
import dev.reckon.runner.execution.CellOutcome.Status;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs each cell in a JVM of its own, as JMH forks its benchmarks: whatever a plugin does there,
 * {@code System.exit}, {@code Runtime.halt}, a crash of the native engine, a thread that never
 * stops, it ends that process only. The runner records the cell as failed with the reason and
 * goes on; at the time limit it ends the process, so nothing of the cell writes into the run after.
 *
 * <p>The process runs {@link CellMain} on the runner's own class path and JVM options, inside the
 * {@link Sandbox} when the run has one; what it prints goes to {@code
 * cell-output/<model>__<task>__<train level>__seed-<seed>.log} in the run directory, capped
 * ({@link CellOutputLog}). Its result comes back on its framed {@link CellChannel}, and its
 * checkpoint from its work folder, which the runner checks and copies into the run after the
 * process has ended: the process itself writes nothing into the run.
 */
public final class CellProcess {
  /** PyTorch's intra-op threads in a cell's process. */
  static final String ENGINE_THREADS = "ai.djl.pytorch.num_threads";

  /**
   * The engine threads of a cell's process: the runner's setting, else 1. The models are small,
   * and on two cores PyTorch's threads of several processes wait on each other at every op
   * (measured: a cell of the quick suite took over 5 minutes on two threads with other processes
   * busy, seconds on one), so one thread a cell and several cells at once is the default.
   */
  static int engineThreads() {
    return Integer.getInteger(ENGINE_THREADS, 1);
  }

  /** Time a process gets beyond the cell's limit to stop the model at its next report and answer. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  /** HotSpot's quick compiler (C1) alone, for cells that only evaluate: see docs/benchmarking.md. */
  private static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

  /**
   * Time a process gets to start (a JVM, the class path): the cell's limit runs from its first
   * line, so a busy machine's slow start is not taken from the cell.
   */
  private static final Duration START_LIMIT = Duration.ofMinutes(2);

  /** Time the runner waits, after a process ended, for the rest of what it sent. */
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final PluginSnapshot plugins;
  private final String device;
  private final Checkpoints checkpoints;
  private final Duration timeLimit;
  private final Path runDirectory;
  private final Clock clock;
  /** How a level names a file of examples, e.g. {@code file:/data/puzzles.txt}. */
  static final String FILE_LEVEL = "file:";

  private final Sandbox sandbox;

  /** @param plugins the run's copy of its plugins: a cell loads its model's and task's from it, no other */
  public CellProcess(PluginSnapshot plugins, String device, Checkpoints checkpoints, Duration timeLimit,
      Path runDirectory, Clock clock, Sandbox sandbox) {
    this.plugins = plugins;
    this.device = device;
    this.checkpoints = checkpoints;
    this.timeLimit = timeLimit;
    this.runDirectory = runDirectory;
    this.clock = clock;
    this.sandbox = sandbox;
  }

  /**
   * The outcome of each cell of {@code group}, in its order, and for a failure the error behind it
   * (for errors.log), else null.
   */
  public List<CellResult> run(CellGroup group, TrainingProgress progress) {
    PlannedCell first = group.first();
    CellKey key = first.key();
    if (first.failure().isPresent()) {
      return List.of(new CellResult(outcome(key, Status.FAILED, first.failure().get()), null));
    }
    if (first.skip().isPresent()) {
      return List.of(new CellResult(outcome(key, Status.SKIPPED, key.model() + " declined the task: "
          + first.skip().get()), null));
    }
    boolean learns = first.model().learns();
    Optional<Path> from = learns ? checkpoints.source(key) : Optional.empty();
    if (from.isPresent() && group.size() > 1) {
      throw new IllegalArgumentException("cells loaded from checkpoints run alone, not in a group: " + group);
    }
    Path work = null;
    try {
      // The group's work folder: its spec, its private temporary folder, the folder its checkpoints go to.
      work = Files.createTempDirectory("reckon-cell");
      Files.createDirectories(work.resolve("tmp"));
      Path saved = Files.createDirectories(work.resolve("checkpoint"));
      // A list, not a set: the model and the task may come from one jar (odd-even-sort and sorting).
      List<Path> cellPlugins = plugins.sources(List.of(first.model().plugin(), first.task().plugin()));
      CellJson.write(work.resolve("cell.json"), spec(group, cellPlugins, work, from));
      Path log = outputLog(runDirectory, group);
      Files.createDirectories(log.getParent());
      List<CellResult> results;
      try (CellOutputLog output = new CellOutputLog(log)) {
        byte[] header = ("== " + group + " started" + (sandbox.active() ? " (sandboxed)" : "") + "\n")
            .getBytes(StandardCharsets.UTF_8);
        output.write(header, 0, header.length);
        results = await(group, start(work, from, cellPlugins, dataFiles(first), first.model().learns()), output,
            progress);
      }
      List<CellResult> collected = new ArrayList<>();
      for (CellResult result : results) {
        CellKey done = result.outcome().key();
        Optional<String> refused = result.outcome().status() == Status.DONE && learns && from.isEmpty()
            ? checkpoints.collect(done, saved.resolve(Checkpoints.seedFolder(done.seed())))
            : Optional.empty();
        collected.add(refused.isEmpty() ? result : new CellResult(outcome(done, Status.FAILED, "model "
            + done.model() + " trained, but " + refused.get()), null));
      }
      return collected;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the process of " + group, e);
    } finally {
      if (work != null) {
        ChildJvm.deleteQuietly(work);
      }
    }
  }

  /** The spec, with the paths the process sees: inside the sandbox, its own mount points. */
  private CellSpec spec(CellGroup group, List<Path> cellPlugins, Path work, Optional<Path> from) {
    PlannedCell cell = group.first();
    String saveTo = sandbox.active() ? Sandbox.CHECKPOINT : work.resolve("checkpoint").toAbsolutePath().toString();
    String loadFrom = from.map(path -> sandbox.active() ? Sandbox.CHECKPOINT_FROM : path.toAbsolutePath().toString())
        .orElse(null);
    return new CellSpec(cellPlugins.stream().map(p -> p.toAbsolutePath().toString()).toList(),
        cell.model().id(), cell.task().id(), cell.taskConfig().asMap(),
        group.cells().stream().map(PlannedCell::taskSeed).toList(), cell.config().asMap(),
        cell.train().id(), cell.eval().stream().map(level -> level.id()).toList(), cell.trainSize(), cell.evalSize(),
        cell.computeBudgets(), group.cells().stream().map(PlannedCell::seed).toList(), device, saveTo, loadFrom,
        from.map(path -> path.toAbsolutePath().toString()).orElse(null), timeLimit.toMillis() / 1e3);
  }

  /**
   * The group's output file, named after its cells' seeds: ids and level names are safe names, a file
   * level's path is flattened.
   */
  static Path outputLog(Path runDirectory, CellGroup group) {
    CellKey key = group.first().key();
    String seeds = String.join("+", group.keys().stream().map(cell -> Long.toString(cell.seed())).toList());
    return runDirectory.resolve(RunFormat.CELL_OUTPUT).resolve(key.model() + "__" + key.task() + "__"
        + Checkpoints.safe(key.trainLevel()) + "__seed-" + seeds + ".log");
  }

  /**
   * The files a cell's levels name ({@code file:PATH}, a file of published puzzles, say): the
   * sandbox shows each read-only where it lies, since the cell's /tmp is a private one.
   */
  static List<Path> dataFiles(PlannedCell cell) {
    return dataFiles(Stream.concat(Stream.of(cell.train()), cell.eval().stream()).map(level -> level.id()));
  }

  /** The files these level ids name, each once. */
  static List<Path> dataFiles(Stream<String> levels) {
    return levels
        .filter(id -> id.startsWith(FILE_LEVEL))
        .map(id -> Path.of(id.substring(FILE_LEVEL.length())).toAbsolutePath())
        .distinct()
        .toList();
  }

  private Process start(Path work, Optional<Path> from, List<Path> cellPlugins, List<Path> dataFiles, boolean learns)
      throws IOException {
    String spec = sandbox.active() ? Sandbox.SPEC : work.resolve("cell.json").toString();
    List<String> options = new ArrayList<>(sandbox.active() ? Sandbox.jvmOptions() : List.of());
    if (!learns) {
      // A cell that only evaluates lives a few seconds, mostly the JVM's start: the optimising
      // compiler's threads cost it more than they repay (a suite of such cells: 0.56x the wall time
      // with the quick compiler alone). A learning cell's Java wraps every engine call, and needs it.
      options.add(QUICK_COMPILER);
    }
    ProcessBuilder builder = ChildJvm.of(CellMain.class, options, List.of(spec));
    if (sandbox.active()) {
      builder.command(sandbox.wrap(builder.command(), builder.environment(), new Sandbox.Mounts(work,
          from.map(Path::toAbsolutePath).orElse(null), cellPlugins, !device.equals("cpu"),
          dataFiles, List.of(runDirectory))));
    }
    return builder.start();
  }

  private List<CellResult> await(CellGroup group, Process process, CellOutputLog output, TrainingProgress progress) {
    long spawned = System.nanoTime();
    Duration limit = timeLimit.multipliedBy(group.size());
    AtomicLong started = new AtomicLong();
    AtomicReference<CellChannel.Reading> reading = new AtomicReference<>();
    Thread reader = new Thread(() -> reading.set(relay(process, output, progress, started)), "cell-channel " + group);
    reader.setDaemon(true);
    reader.start();
    Thread errors = new Thread(() -> copy(process.getErrorStream(), output), "cell-output " + group);
    errors.setDaemon(true);
    errors.start();
    Thread stopper = new Thread(() -> ChildJvm.kill(process));
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
        long now = System.nanoTime();
        if (started.get() == 0 && now - spawned > START_LIMIT.toNanos()) {
          ChildJvm.kill(process);
          return failed(group, "the cell's process did not start within " + START_LIMIT.toSeconds() + " s; it was "
              + "ended");
        }
        if (started.get() != 0 && now - started.get() > limit.plus(GRACE).toNanos()) {
          ChildJvm.kill(process);
          return failed(group, "stopped at the cell time limit of " + timeLimit.toSeconds() + " s"
              + (group.size() > 1 ? " a seed (" + limit.toSeconds() + " s for the " + group.size() + " seeds of its "
              + "process)" : "") + "; its process was ended");
        }
      }
      reader.join(DRAIN.toMillis());
      errors.join(TimeUnit.SECONDS.toMillis(5));
      CellChannel.Reading read = reading.get();
      if (read == null) {
        return failed(group, "the process of " + group + " ended, but its result channel stayed open (a process it "
            + "started holds it)");
      }
      if (read.violation().isPresent()) {
        return failed(group, read.violation().get());
      }
      if (process.exitValue() == 0 && read.result().isPresent()) {
        return answer(group, read.result().get());
      }
      PlannedCell first = group.first();
      String culprit = "model " + first.model().id() + " or task " + first.task().id();
      return failed(group, "the process of " + group + " ended with exit status " + process.exitValue()
          + (read.result().isPresent() ? " after its result" : " before the cell finished") + ": "
          + ChildJvm.cause(process.exitValue(), culprit) + "; its output is in "
          + runDirectory.relativize(outputLog(runDirectory, group)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ChildJvm.kill(process);
      return failed(group, "interrupted");
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException e) {
        // the runner is shutting down: the hook is running and ends the process
      }
    }
  }

  /** The results a process sent, if they are the outcomes of this group's cells, in its order. */
  private List<CellResult> answer(CellGroup group, byte[] json) {
    CellResults answer;
    try {
      answer = CellJson.parse(new String(json, StandardCharsets.UTF_8), CellResults.class);
    } catch (RuntimeException e) {
      return failed(group, "the process of " + group + " sent a result that is not its cells' outcomes: "
          + Errors.oneLine(e));
    }
    List<CellKey> keys = answer.results().stream().map(result -> result.outcome().key()).toList();
    if (!keys.equals(group.keys())) {
      return failed(group, "the process of " + group + " answered for " + keys);
    }
    return answer.results();
  }

  /** Every cell of {@code group} failed for {@code reason}. */
  private List<CellResult> failed(CellGroup group, String reason) {
    return group.keys().stream().map(key -> new CellResult(outcome(key, Status.FAILED, reason), null)).toList();
  }

  /**
   * Reads the channel: progress lines passed on, anything else the process printed there to the
   * output log; a violation of the channel's framing ends the process at once.
   */
  private static CellChannel.Reading relay(Process process, CellOutputLog output, TrainingProgress progress,
      AtomicLong started) {
    try (InputStream in = new BufferedInputStream(process.getInputStream())) {
      CellChannel.Reading read = new CellChannel().read(in, new CellChannel.Listener() {
        @Override
        public void started() {
          started.compareAndSet(0, System.nanoTime());
        }

        @Override
        public void progress(int done, int total) {
          progress.training(done, total);
        }

        @Override
        public void other(byte[] line, int length) {
          output.writeLine(line, length);
        }
      });
      if (read.violation().isPresent()) {
        ChildJvm.kill(process);
      }
      return read;
    } catch (IOException | RuntimeException e) {
      // the process ended mid-message; its exit status tells the rest
      return CellChannel.Reading.ended();
    }
  }

  /** Copies what the process prints on standard error (the plugins' output) into the capped log. */
  private static void copy(InputStream errors, CellOutputLog output) {
    byte[] buffer = new byte[8192];
    try (InputStream in = errors) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        output.write(buffer, 0, read);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  private CellOutcome outcome(CellKey key, Status status, String reason) {
    return new CellOutcome(key, status, reason, List.of(), List.of(), OptionalInt.empty(), 0, 0, 0,
        Seeds.trainingData(key.seed(), key.task(), key.trainLevel()),
        Seeds.model(key.seed(), key.model(), key.task(), key.trainLevel()), clock.instant(), Optional.empty(), null, 0, null);
  }
}
