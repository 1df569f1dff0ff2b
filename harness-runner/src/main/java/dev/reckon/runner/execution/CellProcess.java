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

  /**
   * Time a process gets to start (a JVM, the class path): the cell's limit runs from its first
   * line, so a busy machine's slow start is not taken from the cell.
   */
  private static final Duration START_LIMIT = Duration.ofMinutes(2);

  /** Time the runner waits, after a process ended, for the rest of what it sent. */
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final List<Path> pluginDirectories;
  private final String device;
  private final Checkpoints checkpoints;
  private final Duration timeLimit;
  private final Path runDirectory;
  private final Clock clock;
  /** How a level names a file of examples, e.g. {@code file:/data/puzzles.txt}. */
  static final String FILE_LEVEL = "file:";

  private final Sandbox sandbox;

  public CellProcess(List<Path> pluginDirectories, String device, Checkpoints checkpoints, Duration timeLimit,
      Path runDirectory, Clock clock) {
    this(pluginDirectories, device, checkpoints, timeLimit, runDirectory, clock, Sandbox.off());
  }

  public CellProcess(List<Path> pluginDirectories, String device, Checkpoints checkpoints, Duration timeLimit,
      Path runDirectory, Clock clock, Sandbox sandbox) {
    this.pluginDirectories = List.copyOf(pluginDirectories);
    this.device = device;
    this.checkpoints = checkpoints;
    this.timeLimit = timeLimit;
    this.runDirectory = runDirectory;
    this.clock = clock;
    this.sandbox = sandbox;
  }

  /** The outcome, and for a failure the error behind it (for errors.log), else null. */
  public CellResult run(PlannedCell cell, TrainingProgress progress) {
    CellKey key = cell.key();
    if (cell.failure().isPresent()) {
      return new CellResult(outcome(key, Status.FAILED, cell.failure().get()), null);
    }
    if (cell.skip().isPresent()) {
      return new CellResult(outcome(key, Status.SKIPPED, key.model() + " declined the task: " + cell.skip().get()),
          null);
    }
    Path work = null;
    try {
      // The cell's work folder: its spec, its private temporary folder, the folder its checkpoint goes to.
      work = Files.createTempDirectory("reckon-cell");
      Files.createDirectories(work.resolve("tmp"));
      Path saved = Files.createDirectories(work.resolve("checkpoint"));
      Optional<Path> from = cell.model().factory().learns() ? checkpoints.source(key) : Optional.empty();
      CellJson.write(work.resolve("cell.json"), spec(cell, work, from));
      Path log = outputLog(runDirectory, key);
      Files.createDirectories(log.getParent());
      CellResult result;
      try (CellOutputLog output = new CellOutputLog(log)) {
        byte[] header = ("== " + key + " started" + (sandbox.active() ? " (sandboxed)" : "") + "\n")
            .getBytes(StandardCharsets.UTF_8);
        output.write(header, 0, header.length);
        result = await(key, start(work, from, dataFiles(cell)), output, progress);
      }
      if (result.outcome().status() == Status.DONE && cell.model().factory().learns() && from.isEmpty()) {
        Optional<String> refused = checkpoints.collect(key, saved);
        if (refused.isPresent()) {
          return new CellResult(outcome(key, Status.FAILED, "model " + key.model() + " trained, but "
              + refused.get()), null);
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the process of cell " + key, e);
    } finally {
      if (work != null) {
        ChildJvm.deleteQuietly(work);
      }
    }
  }

  /** The spec, with the paths the process sees: inside the sandbox, its own mount points. */
  private CellSpec spec(PlannedCell cell, Path work, Optional<Path> from) {
    String saveTo = sandbox.active() ? Sandbox.CHECKPOINT : work.resolve("checkpoint").toAbsolutePath().toString();
    String loadFrom = from.map(path -> sandbox.active() ? Sandbox.CHECKPOINT_FROM : path.toAbsolutePath().toString())
        .orElse(null);
    return new CellSpec(pluginDirectories.stream().map(p -> p.toAbsolutePath().toString()).toList(),
        cell.model().id(), cell.task().id(), cell.taskConfig().asMap(), cell.taskSeed(), cell.config().asMap(),
        cell.train().id(), cell.eval().stream().map(level -> level.id()).toList(), cell.trainSize(), cell.evalSize(),
        cell.computeBudgets(), cell.seed(), device, saveTo, loadFrom,
        from.map(path -> path.toAbsolutePath().toString()).orElse(null), timeLimit.toMillis() / 1e3);
  }

  /** The cell's output file: ids and level names are safe names, a file level's path is flattened. */
  static Path outputLog(Path runDirectory, CellKey key) {
    return runDirectory.resolve(RunFormat.CELL_OUTPUT).resolve(key.model() + "__" + key.task() + "__"
        + Checkpoints.safe(key.trainLevel()) + "__seed-" + key.seed() + ".log");
  }

  /**
   * The files a cell's levels name ({@code file:PATH}, a file of published puzzles, say): the
   * sandbox shows each read-only where it lies, since the cell's /tmp is a private one.
   */
  static List<Path> dataFiles(PlannedCell cell) {
    return Stream.concat(Stream.of(cell.train()), cell.eval().stream())
        .map(level -> level.id())
        .filter(id -> id.startsWith(FILE_LEVEL))
        .map(id -> Path.of(id.substring(FILE_LEVEL.length())).toAbsolutePath())
        .distinct()
        .toList();
  }

  private Process start(Path work, Optional<Path> from, List<Path> dataFiles) throws IOException {
    String spec = sandbox.active() ? Sandbox.SPEC : work.resolve("cell.json").toString();
    ProcessBuilder builder = ChildJvm.of(CellMain.class, sandbox.active() ? Sandbox.jvmOptions() : List.of(),
        List.of(spec));
    if (sandbox.active()) {
      builder.command(sandbox.wrap(builder.command(), builder.environment(), new Sandbox.Mounts(work,
          from.map(Path::toAbsolutePath).orElse(null), pluginDirectories, !device.equals("cpu"),
          dataFiles, List.of(runDirectory))));
    }
    return builder.start();
  }

  private CellResult await(CellKey key, Process process, CellOutputLog output, TrainingProgress progress) {
    long spawned = System.nanoTime();
    AtomicLong started = new AtomicLong();
    AtomicReference<CellChannel.Reading> reading = new AtomicReference<>();
    Thread reader = new Thread(() -> reading.set(relay(process, output, progress, started)), "cell-channel " + key);
    reader.setDaemon(true);
    reader.start();
    Thread errors = new Thread(() -> copy(process.getErrorStream(), output), "cell-output " + key);
    errors.setDaemon(true);
    errors.start();
    Thread stopper = new Thread(() -> ChildJvm.kill(process));
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
        long now = System.nanoTime();
        if (started.get() == 0 && now - spawned > START_LIMIT.toNanos()) {
          ChildJvm.kill(process);
          return new CellResult(outcome(key, Status.FAILED, "the cell's process did not start within "
              + START_LIMIT.toSeconds() + " s; it was ended"), null);
        }
        if (started.get() != 0 && now - started.get() > timeLimit.plus(GRACE).toNanos()) {
          ChildJvm.kill(process);
          return new CellResult(outcome(key, Status.FAILED, "stopped at the cell time limit of "
              + timeLimit.toSeconds() + " s; its process was ended"), null);
        }
      }
      reader.join(DRAIN.toMillis());
      errors.join(TimeUnit.SECONDS.toMillis(5));
      CellChannel.Reading read = reading.get();
      if (read == null) {
        return new CellResult(outcome(key, Status.FAILED, "the process of cell " + key + " ended, but its result "
            + "channel stayed open (a process it started holds it)"), null);
      }
      if (read.violation().isPresent()) {
        return new CellResult(outcome(key, Status.FAILED, read.violation().get()), null);
      }
      if (process.exitValue() == 0 && read.result().isPresent()) {
        return answer(key, read.result().get());
      }
      String culprit = "model " + key.model() + " or task " + key.task();
      return new CellResult(outcome(key, Status.FAILED, "the process of cell " + key + " ended with exit status "
          + process.exitValue() + (read.result().isPresent() ? " after its result" : " before the cell finished")
          + ": " + ChildJvm.cause(process.exitValue(), culprit) + "; its output is in "
          + runDirectory.relativize(outputLog(runDirectory, key))), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ChildJvm.kill(process);
      return new CellResult(outcome(key, Status.FAILED, "interrupted"), null);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException e) {
        // the runner is shutting down: the hook is running and ends the process
      }
    }
  }

  /** The result a process sent, if it is the outcome of this cell. */
  private CellResult answer(CellKey key, byte[] json) {
    CellResult answer;
    try {
      answer = CellJson.parse(new String(json, StandardCharsets.UTF_8), CellResult.class);
    } catch (RuntimeException e) {
      return new CellResult(outcome(key, Status.FAILED, "the process of cell " + key + " sent a result that is not "
          + "a cell's outcome: " + Errors.oneLine(e)), null);
    }
    if (!answer.outcome().key().equals(key)) {
      return new CellResult(outcome(key, Status.FAILED, "the process of cell " + key + " answered for "
          + answer.outcome().key()), null);
    }
    return answer;
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
        Seeds.model(key.seed(), key.model(), key.task(), key.trainLevel()), clock.instant(), Optional.empty(), null);
  }
}
