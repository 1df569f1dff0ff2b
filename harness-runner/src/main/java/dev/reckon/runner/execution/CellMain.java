package dev.reckon.runner.execution;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.ModelContext;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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
    CellResult result = run(spec, channel);
    synchronized (channel) {
      CellChannel.sendResult(channel, CellJson.line(result).getBytes(StandardCharsets.UTF_8));
    }
    System.exit(0);
  }

  /**
   * The runner holds this process's standard input open; when the runner dies (killed, or its
   * machine's job ended), the input closes and the cell stops too, instead of running on alone.
   */
  private static void endWithTheRunner(InputStream runner) {
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

  static CellResult run(CellSpec spec, PrintStream channel) {
    CellKey key = new CellKey(spec.model(), spec.task(), spec.trainLevel(), spec.seed());
    long modelSeed = Seeds.model(key.seed(), key.model(), key.task(), key.trainLevel());
    CellTrainingLog log = new CellTrainingLog((done, total) -> {
      synchronized (channel) {
        channel.println(PROGRESS + done + " " + total);
        channel.flush();
      }
    }, System.nanoTime() + Math.round(spec.timeLimitSeconds() * 1e9));
    try {
      channel.println(STARTED);
      channel.flush();
      PluginRegistry registry = new PluginLoader().load(spec.pluginDirectories().stream().map(Path::of).toList());
      DiscoveredModel model = registry.model(spec.model()).orElseThrow(() -> missing("model", spec.model()));
      if (model.factory().learns()) {
        // The engine loads while the task makes its data; a model that does not learn is spared it.
        ComputeDevice.startLoading();
      }
      DiscoveredTask task = registry.task(spec.task()).orElseThrow(() -> missing("task", spec.task()));
      Task instance = task.create(new TaskContext(Config.resolve(task.factory().settings(), spec.taskConfig()),
          spec.taskSeed()));
      Level train = instance.level(spec.trainLevel());
      List<Level> eval = spec.evalLevels().stream().map(instance::level).toList();
      ModelContext context = new ModelContext(TaskForModels.of(instance, model.factory()),
          Config.resolve(model.factory().settings(), spec.modelConfig()), modelSeed, spec.device());
      Checkpoints.ForCell checkpoints = new Checkpoints.ForCell(Path.of(spec.checkpointsTo()),
          Optional.ofNullable(spec.checkpointsFrom()).map(Path::of), spec.checkpointsFromName());
      CellOutcome outcome = new CellWork(model, instance, key, Clock.systemUTC()).run(context, train, eval,
          spec.trainSize(), spec.evalSize(), spec.computeBudgets(), checkpoints, log);
      return new CellResult(outcome, null);
    } catch (Throwable e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      String reason = e instanceof BoundaryRules.Violation ? e.getMessage() : Errors.oneLine(e);
      return new CellResult(new CellOutcome(key, Status.FAILED, reason, List.of(), log.curve(),
          OptionalInt.empty(), 0, 0, 0, Seeds.trainingData(key.seed(), key.task(), key.trainLevel()), modelSeed,
          Clock.systemUTC().instant(), log.collapse(), null), trace.toString());
    }
  }

  private static IllegalStateException missing(String kind, String id) {
    return new IllegalStateException("the cell's process found no " + kind + " '" + id + "' in the plugin "
        + "directories (a jar changed or was removed after the run was planned)");
  }
}
