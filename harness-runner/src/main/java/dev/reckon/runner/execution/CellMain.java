package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.ModelContext;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.runner.Errors;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.runner.plugins.PluginRegistry;
import dev.reckon.tck.BoundaryRules;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * The entry point of a cell's own process ({@link CellProcess} starts it): runs one cell and
 * writes its {@link CellResult}. Plugin code runs only here, so a plugin that calls {@code
 * System.exit}, crashes the JVM or never returns ends this process, not the run.
 *
 * <p>Standard output is the channel to the runner ({@link CellChannel}: progress lines, then the
 * result as its one message); what plugins print goes to standard error, which the runner keeps in
 * the run's cell output log. The process writes nothing into the run directory (in the sandbox it
 * cannot see it): its checkpoint goes to the folder the spec names, which the runner takes in.
 */
public final class CellMain {
  /** The prefix of a progress line on the channel: {@code reckon-cell-progress DONE TOTAL}. */
  static final String PROGRESS = "reckon-cell-progress ";

  /** The line that says the process is up and the cell's work begins: its time limit runs from here. */
  static final String STARTED = "reckon-cell-started";

  /** The exit status of a cell's process whose runner died; nobody reads it, but a person may. */
  private static final int RUNNER_GONE = 75;

  private CellMain() {}

  /** {@code CellMain SPEC_FILE}. */
  public static void main(String[] args) throws IOException {
    PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    endWithTheRunner(System.in);
    CellSpec spec = CellJson.read(Path.of(args[0]), CellSpec.class);
    CellResults results = run(spec, channel);
    synchronized (channel) {
      CellChannel.sendResult(channel, CellJson.line(results).getBytes(StandardCharsets.UTF_8));
    }
    System.exit(0);
  }

  /**
   * The runner holds this process's standard input open; when the runner dies (killed, or its
   * machine's job ended), the input closes and the cell (or discovery's process) stops too,
   * instead of running on alone.
   */
  static void endWithTheRunner(InputStream runner) {
    Thread watcher = new Thread(() -> {
      try {
        while (runner.read() >= 0) {
          // nothing is ever sent; only the end matters
        }
      } catch (IOException e) {
        // the same as the end
      }
      Runtime.getRuntime().halt(RUNNER_GONE);
    }, "runner-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Runs the spec's cells: as one network when the model stacks seeds ({@link
   * dev.reckon.api.ModelFactory#createGroup}), else one by one, each then failing on its own.
   */
  static CellResults run(CellSpec spec, PrintStream channel) {
    List<CellKey> keys = spec.seeds().stream()
        .map(seed -> new CellKey(spec.model(), spec.task(), spec.trainLevel(), seed)).toList();
    TrainingProgress progress = (done, total) -> {
      synchronized (channel) {
        channel.println(PROGRESS + done + " " + total);
        channel.flush();
      }
    };
    channel.println(STARTED);
    channel.flush();
    long start = System.nanoTime();
    List<CellTrainingLog> logs = new ArrayList<>();
    AtomicBoolean stacked = new AtomicBoolean();
    for (int i = 0; i < keys.size(); i++) {
      // Seeds trained as one network report the same updates: the first seed's show the group's.
      // Seeds trained one by one show the group's progress over all their updates.
      int seed = i;
      logs.add(new CellTrainingLog(spec.model(), (done, total) -> {
        if (!stacked.get()) {
          progress.training(seed * total + done, keys.size() * total);
        } else if (seed == 0) {
          progress.training(done, total);
        }
      }, start + Math.round(spec.timeLimitSeconds() * keys.size() * 1e9)));
    }
    List<CellWork> works = new ArrayList<>();
    List<ModelContext> contexts = new ArrayList<>();
    DiscoveredModel model;
    try {
      List<Path> plugins = spec.plugins().stream().map(Path::of).toList();
      plugins.forEach(PluginSnapshot::verify);
      PluginRegistry registry = new PluginLoader().loadEach(plugins);
      model = registry.model(spec.model()).orElseThrow(() -> missing("model", spec.model()));
      if (model.factory().learns()) {
        // The engine loads while the task makes its data; a model that does not learn is spared it.
        ComputeDevice.startLoading();
      }
      DiscoveredTask task = registry.task(spec.task()).orElseThrow(() -> missing("task", spec.task()));
      for (int i = 0; i < keys.size(); i++) {
        CellKey key = keys.get(i);
        Task instance = task.create(new TaskContext(Config.resolve(task.factory().settings(), spec.taskConfig()),
            spec.taskSeeds().get(i)));
        Checkpoints.ForCell checkpoints = new Checkpoints.ForCell(
            Path.of(spec.checkpointsTo()).resolve(Checkpoints.seedFolder(key.seed())),
            Optional.ofNullable(spec.checkpointsFrom()).map(Path::of), spec.checkpointsFromName());
        works.add(new CellWork(model, key, new CellWork.Plan(instance, level(spec.task(), instance, spec.trainLevel()),
            spec.evalLevels().stream().map(id -> level(spec.task(), instance, id)).toList(), spec.trainSize(),
            spec.evalSize(),
            spec.computeBudgets(), checkpoints, logs.get(i)), Clock.systemUTC()));
        contexts.add(new ModelContext(TaskForModels.of(instance, model.factory()),
            Config.resolve(model.factory().settings(), spec.modelConfig()), modelSeed(key), spec.device()));
      }
    } catch (Throwable e) {
      return failedAll(keys, logs, e);
    }
    Optional<SeedGroup> group = Optional.empty();
    if (keys.size() > 1 && model.factory().learns()) {
      try {
        // The engine is ready before plugin code makes a model: loaded under the runner's class
        // loader, not the plugin's (which cannot see the engine's native library's resources).
        ComputeDevice.withoutAutogradOnThisThread();
        group = model.factory().createGroup(contexts);
      } catch (Throwable e) {
        return failedAll(keys, logs, e);
      }
    }
    if (group.isEmpty()) {
      return eachSeed(keys, logs, i -> works.get(i).run(contexts.get(i)));
    }
    stacked.set(true);
    try (SeedGroup seeds = group.get()) {
      double trainSeconds = CellWork.trainGroup(seeds, works);
      // Trained as one, each seed is saved and evaluated as a model of its own: a seed that fails
      // there (its answers malformed, say) fails alone.
      return eachSeed(keys, logs, i -> works.get(i).finishMember(seeds.member(i), contexts.get(i), trainSeconds,
          keys.size()));
    } catch (Throwable e) {
      return failedAll(keys, logs, e);
    }
  }

  /** The outcome of seed i's cell. */
  private interface SeedCell {
    CellOutcome outcome(int i) throws Exception;
  }

  /** Each seed's outcome in turn, a seed that throws failing on its own. */
  private static CellResults eachSeed(List<CellKey> keys, List<CellTrainingLog> logs, SeedCell cell) {
    List<CellResult> results = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      try {
        results.add(checked(new CellResult(cell.outcome(i), null), keys.get(i), logs.get(i)));
      } catch (Throwable e) {
        results.add(failed(keys.get(i), logs.get(i), e));
      }
    }
    return new CellResults(results);
  }

  /** The level {@code id} of the task, held to the boundary's rules: results are keyed by its id. */
  private static Level level(String task, Task instance, String id) {
    return BoundaryRules.checkLevel(task, id, instance.level(id));
  }

  /** The cell's result, or its failure when the model broke a rule it may have swallowed the exception of. */
  private static CellResult checked(CellResult result, CellKey key, CellTrainingLog log) {
    return log.violation().<CellResult>map(violation -> failed(key, log, violation)).orElse(result);
  }

  private static CellResults failedAll(List<CellKey> keys, List<CellTrainingLog> logs, Throwable e) {
    return new CellResults(IntStream.range(0, keys.size()).mapToObj(i -> failed(keys.get(i), logs.get(i), e)).toList());
  }

  private static long modelSeed(CellKey key) {
    return Seeds.model(key.seed(), key.model(), key.task(), key.trainLevel());
  }

  private static CellResult failed(CellKey key, CellTrainingLog log, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String reason = e instanceof BoundaryRules.Violation ? e.getMessage() : Errors.oneLine(e);
    return new CellResult(new CellOutcome(key, Status.FAILED, reason, List.of(), log.curve(), OptionalInt.empty(), 0,
        0, 0, Seeds.trainingData(key.seed(), key.task(), key.trainLevel()), modelSeed(key), Clock.systemUTC().instant(),
        log.collapse(), null, 0, null), trace.toString());
  }

  private static IllegalStateException missing(String kind, String id) {
    return new IllegalStateException("the cell's process found no " + kind + " '" + id + "' in the run's copy of "
        + "its plugins");
  }
}
