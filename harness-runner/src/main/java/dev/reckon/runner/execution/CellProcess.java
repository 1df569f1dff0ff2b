package dev.reckon.runner.execution;

import dev.reckon.reports.RunFormat;
import dev.reckon.runner.execution.CellOutcome.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each cell in a JVM of its own, as JMH forks its benchmarks: whatever a plugin does there,
 * {@code System.exit}, {@code Runtime.halt}, a crash of the native engine, a thread that never
 * stops, it ends that process only. The runner records the cell as failed with the reason and
 * goes on; at the time limit it ends the process, so nothing of the cell writes into the run after.
 *
 * <p>The process runs {@link CellMain} on the runner's own class path and JVM options; what it
 * prints goes to {@code cell-output/<model>__<task>__<train level>__seed-<seed>.log}
 * in the run directory.
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

  private final List<Path> pluginDirectories;
  private final String device;
  private final Checkpoints checkpoints;
  private final Duration timeLimit;
  private final Path runDirectory;
  private final Clock clock;

  public CellProcess(List<Path> pluginDirectories, String device, Checkpoints checkpoints, Duration timeLimit,
      Path runDirectory, Clock clock) {
    this.pluginDirectories = List.copyOf(pluginDirectories);
    this.device = device;
    this.checkpoints = checkpoints;
    this.timeLimit = timeLimit;
    this.runDirectory = runDirectory;
    this.clock = clock;
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
      work = Files.createTempDirectory("reckon-cell");
      Path spec = work.resolve("cell.json");
      Path result = work.resolve("result.json");
      CellJson.write(spec, spec(cell));
      return await(key, start(key, spec, result), result, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the process of cell " + key, e);
    } finally {
      if (work != null) {
        ChildJvm.deleteQuietly(work);
      }
    }
  }

  private CellSpec spec(PlannedCell cell) {
    return new CellSpec(pluginDirectories.stream().map(p -> p.toAbsolutePath().toString()).toList(),
        cell.model().id(), cell.task().id(), cell.taskConfig().asMap(), cell.taskSeed(), cell.config().asMap(),
        cell.train().id(), cell.eval().stream().map(level -> level.id()).toList(), cell.trainSize(), cell.evalSize(),
        cell.computeBudgets(), cell.seed(), device, checkpoints.saveTo().toAbsolutePath().toString(),
        checkpoints.loadFrom() == null ? null : checkpoints.loadFrom().toAbsolutePath().toString(),
        timeLimit.toMillis() / 1e3);
  }

  /** The cell's output file: ids and level names are safe names, a file level's path is flattened. */
  static Path outputLog(Path runDirectory, CellKey key) {
    return runDirectory.resolve(RunFormat.CELL_OUTPUT).resolve(key.model() + "__" + key.task() + "__"
        + Checkpoints.safe(key.trainLevel()) + "__seed-" + key.seed() + ".log");
  }

  private Process start(CellKey key, Path spec, Path result) throws IOException {
    Path log = outputLog(runDirectory, key);
    Files.createDirectories(log.getParent());
    Files.writeString(log, "== " + key + " started\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ProcessBuilder builder = ChildJvm.of(CellMain.class, List.of(spec.toString(), result.toString()))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  private CellResult await(CellKey key, Process process, Path result, TrainingProgress progress) {
    long spawned = System.nanoTime();
    AtomicLong started = new AtomicLong();
    Thread reader = new Thread(() -> relay(process, outputLog(runDirectory, key), progress, started),
        "cell-progress " + key);
    reader.setDaemon(true);
    reader.start();
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
      reader.join(TimeUnit.SECONDS.toMillis(5));
      if (process.exitValue() == 0 && Files.isRegularFile(result)) {
        CellResult answer = CellJson.read(result, CellResult.class);
        if (!answer.outcome().key().equals(key)) {
          throw new IllegalStateException("the process of cell " + key + " answered for " + answer.outcome().key());
        }
        return answer;
      }
      String culprit = "model " + key.model() + " or task " + key.task();
      return new CellResult(outcome(key, Status.FAILED, "the process of cell " + key + " ended with exit status "
          + process.exitValue() + " before the cell finished: " + ChildJvm.cause(process.exitValue(), culprit)
          + "; its output is in " + runDirectory.relativize(outputLog(runDirectory, key))), null);
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

  /** Passes progress lines on; anything else the process printed there goes to the output log. */
  private static void relay(Process process, Path output, TrainingProgress progress, AtomicLong started) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8));
        Writer log = Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      for (String line; (line = lines.readLine()) != null; ) {
        Optional<int[]> point = progressOf(line);
        if (line.equals(CellMain.STARTED)) {
          started.compareAndSet(0, System.nanoTime());
        } else if (point.isPresent()) {
          progress.training(point.get()[0], point.get()[1]);
        } else {
          log.write(line + "\n");
          log.flush();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended mid-line; its exit status tells the rest
    }
  }

  private static Optional<int[]> progressOf(String line) {
    if (!line.startsWith(CellMain.PROGRESS)) {
      return Optional.empty();
    }
    String[] numbers = line.substring(CellMain.PROGRESS.length()).trim().split(" ");
    try {
      return Optional.of(new int[] {Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1])});
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private CellOutcome outcome(CellKey key, Status status, String reason) {
    return new CellOutcome(key, status, reason, List.of(), List.of(), OptionalInt.empty(), 0, 0, 0,
        Seeds.trainingData(key.seed(), key.task(), key.trainLevel()),
        Seeds.model(key.seed(), key.model(), key.task(), key.trainLevel()), clock.instant(), Optional.empty(), null);
  }
}
