package dev.reckon.runner;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Setting;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.plugins.DiscoveredAnalysis;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reckon list}: every discovered task and model, what the engine sees (its native library,
 * CUDA, GPUs), and every plugin that failed to load; exit status 1 when one did or the engine cannot
 * start, so CI can gate on it. {@code --verbose ID...} tells all of those ids.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List discovered tasks, models and analyses, "
    + "the engine (its native library, CUDA version and GPUs), and plugins that failed to load or an engine that "
    + "cannot start (exit status 1). With --verbose ID..., each one's description, "
    + "settings, and for a task its format, levels and metrics.")
final class ListCommand implements Callable<Integer> {
  /** Some plugin, task or model could not be loaded. */
  static final int LOAD_FAILURES = 1;

  @Mixin PluginOptions plugins;

  @Mixin SandboxOption sandbox;

  @Option(names = "--verbose", description = "Describe the tasks and models named (all of them when none is named).")
  boolean verbose;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "With --verbose: the tasks and models to describe.")
  List<String> ids = new ArrayList<>();

  private final Console console;

  @Inject
  ListCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (!ids.isEmpty() && !verbose) {
      throw new UsageException("ids are named only with --verbose, e.g. reckon list --verbose " + ids.get(0));
    }
    PluginRegistry registry = plugins.load();
    PrintStream out = console.out();
    if (verbose) {
      describe(registry, out);
    } else {
      summary(registry, out);
    }
    boolean engineStarts = verbose || engine(out);
    if (!verbose) {
      out.println("Sandbox");
      out.println("  " + sandbox.inspect().describe());
    }
    if (!registry.failures().isEmpty()) {
      out.println("Failed to load");
      for (PluginFailure failure : registry.failures()) {
        out.println("  " + failure);
      }
      return LOAD_FAILURES;
    }
    return engineStarts ? 0 : LOAD_FAILURES;
  }

  /** The engine as the runs would see it; false when it cannot start here. */
  private static boolean engine(PrintStream out) {
    out.println("Engine");
    try {
      out.println("  " + ComputeDevice.seen());
      return true;
    } catch (UsageException e) {
      out.println("  " + e.getMessage());
      return false;
    }
  }

  private void summary(PluginRegistry registry, PrintStream out) {
    out.println("Tasks");
    for (DiscoveredTask task : registry.tasks()) {
      row(out, task.id(), task.factory().version(), "task", task.plugin().source());
    }
    out.println("Models");
    for (DiscoveredModel model : registry.models()) {
      row(out, model.id(), model.factory().version(), model.factory().learns() ? "model/learns"
          : model.factory().usesReferenceSolver() ? "model/reference" : "model",
          model.plugin().source());
    }
    if (!registry.analyses().isEmpty()) {
      out.println("Analyses (reckon analyze ID)");
      for (DiscoveredAnalysis analysis : registry.analyses()) {
        out.printf(Locale.ROOT, "  %-22s %s (%s)%n", analysis.analysis().id(), analysis.analysis().description(),
            analysis.plugin().source());
      }
    }
  }

  private void describe(PluginRegistry registry, PrintStream out) {
    List<String> wanted = ids.isEmpty()
        ? registry.tasks().stream().map(DiscoveredTask::id).toList() : ids;
    List<String> models = ids.isEmpty() ? registry.models().stream().map(DiscoveredModel::id).toList() : ids;
    for (String id : ids) {
      if (registry.task(id).isEmpty() && registry.model(id).isEmpty()) {
        throw new UsageException("unknown task or model id '" + id + "'; reckon list shows the discovered ones");
      }
    }
    for (String id : wanted) {
      registry.task(id).ifPresent(task -> describe(task, out));
    }
    for (String id : models) {
      registry.model(id).ifPresent(model -> {
        out.printf(Locale.ROOT, "model %s %s (%s)%n  %s%n", model.id(), model.factory().version(),
            model.plugin().source(), model.factory().description());
        out.println("  learns: " + model.factory().learns());
        settings(model.factory().settings(), out);
      });
    }
  }

  /** A task at its default settings and seed 0, as a suite that sets nothing would make it. */
  private static void describe(DiscoveredTask task, PrintStream out) {
    out.printf(Locale.ROOT, "task %s %s (%s)%n  %s%n", task.id(), task.factory().version(), task.plugin().source(),
        task.factory().description());
    settings(task.factory().settings(), out);
    try {
      Task instance = task.create(new TaskContext(Config.resolve(task.factory().settings(), Map.of()), 0));
      out.println("  format: " + instance.format().describe());
      out.println("  levels (easiest first):");
      for (Level level : instance.levels()) {
        out.printf(Locale.ROOT, "    %-12s %8.2f  %s%n", level.id(), level.difficulty(), level.description());
      }
      out.println("  metrics (the first ranks):");
      for (Metric metric : instance.metrics()) {
        out.printf(Locale.ROOT, "    %-20s %-16s %-9s %s%n", metric.id(), metric.direction().name()
            .toLowerCase(Locale.ROOT), metric.unit(), metric.description());
      }
    } catch (RuntimeException | LinkageError e) {
      out.println("  cannot be made at its default settings: " + Errors.oneLine(e));
    }
  }

  private static void settings(List<Setting> settings, PrintStream out) {
    if (settings.isEmpty()) {
      out.println("  settings: none");
      return;
    }
    out.println("  settings:");
    for (Setting setting : settings) {
      out.printf(Locale.ROOT, "    %-20s %-24s %-10s %s%n", setting.name(), setting.type().expected(),
          setting.defaultValue() == null ? "(derived)" : setting.defaultValue(), setting.description());
    }
  }

  private static void row(PrintStream out, String id, String version, String kind, Path source) {
    out.printf(Locale.ROOT, "  %-22s %-6s %-16s %s%n", id, version, kind, source);
  }
}
