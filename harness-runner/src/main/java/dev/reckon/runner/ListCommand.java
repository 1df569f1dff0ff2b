package dev.reckon.runner;

import dev.reckon.api.Config;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Setting;
import dev.reckon.reports.boards.Board;
import dev.reckon.runner.execution.ComputeDevice;
import dev.reckon.runner.execution.DiscoveryProcess;
import dev.reckon.runner.execution.MadeTask;
import dev.reckon.runner.execution.PlanningAnswers;
import dev.reckon.runner.execution.PlanningQuestions;
import dev.reckon.runner.execution.PlanningQuestions.TaskAtSettings;
import dev.reckon.runner.plugins.DescribedAnalysis;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DescribedTask;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginFailure;
import jakarta.inject.Inject;
import java.io.PrintStream;
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
    DiscoveryProcess discovery = sandbox.discovery(sandbox.inspect());
    PluginCatalog catalog = plugins.discover(discovery);
    PrintStream out = console.out();
    List<PluginFailure> failures = new ArrayList<>(catalog.failures());
    if (verbose) {
      failures.addAll(describe(catalog, discovery, out));
    } else {
      summary(catalog, out);
    }
    boolean engineStarts = verbose || engine(out);
    if (!verbose) {
      out.println("Sandbox");
      out.println("  " + sandbox.inspect().describe());
    }
    if (!failures.isEmpty()) {
      out.println("Failed to load");
      for (PluginFailure failure : failures) {
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

  /**
   * The tasks and models as one table under a header, then the analyses: columns as wide as their
   * widest value, so that a long id or version moves a column, never one line of it.
   */
  private void summary(PluginCatalog catalog, PrintStream out) {
    List<List<Object>> offerings = new ArrayList<>();
    for (DescribedTask task : catalog.tasks()) {
      offerings.add(List.of(task.id(), task.version(), "task", task.plugin().toString()));
    }
    for (DescribedModel model : catalog.models()) {
      offerings.add(List.of(model.id(), model.version(), model.learns() ? "model/learns"
          : model.usesReferenceSolver() ? "model/reference" : "model", model.plugin().toString()));
    }
    out.println("Tasks and models");
    table(out, List.of("id", "version", "kind", "plugin"), offerings);
    if (!catalog.analyses().isEmpty()) {
      out.println("Analyses (reckon analyze ID)");
      // the description last: it is long, and pads no column after it
      table(out, List.of("id", "plugin", "description"), catalog.analyses().stream()
          .map(a -> List.<Object>of(a.id(), a.plugin().toString(), a.description()))
          .toList());
    }
  }

  private static void table(PrintStream out, List<String> header, List<List<Object>> rows) {
    new Board("list", header, rows).toText().lines().forEach(line -> out.println("  " + line));
  }

  /** Describes the ids asked for; returns the plugins that failed to load, or broke the process, making the tasks. */
  private List<PluginFailure> describe(PluginCatalog catalog, DiscoveryProcess discovery, PrintStream out) {
    for (String id : ids) {
      if (catalog.task(id).isEmpty() && catalog.model(id).isEmpty()) {
        throw new UsageException("unknown task or model id '" + id + "'; reckon list shows the discovered ones");
      }
    }
    List<DescribedTask> tasks = ids.isEmpty() ? catalog.tasks()
        : ids.stream().flatMap(id -> catalog.task(id).stream()).toList();
    List<DescribedModel> models = ids.isEmpty() ? catalog.models()
        : ids.stream().flatMap(id -> catalog.model(id).stream()).toList();
    // Each task at its default settings and seed 0, as a suite that sets nothing would make it.
    PlanningAnswers made = discovery.answer(new PlanningQuestions(tasks.stream().map(task ->
        new TaskAtSettings(task.id(), Config.resolve(task.settings(), Map.of()).asMap(), 0, List.of())).toList(),
        List.of()), catalog);
    for (int i = 0; i < tasks.size(); i++) {
      describe(tasks.get(i), made.tasks().get(i), out);
    }
    for (DescribedModel model : models) {
      out.printf(Locale.ROOT, "model %s %s (%s)%n  %s%n", model.id(), model.version(), model.plugin(),
          model.description());
      out.println("  learns: " + model.learns());
      settings(model.settings(), out);
    }
    return made.failures();
  }

  private static void describe(DescribedTask task, MadeTask made, PrintStream out) {
    out.printf(Locale.ROOT, "task %s %s (%s)%n  %s%n", task.id(), task.version(), task.plugin(), task.description());
    settings(task.settings(), out);
    if (made.unusable().isPresent()) {
      out.println("  unusable at its default settings: " + made.unusable().get());
      return;
    }
    out.println("  format: " + made.semantics());
    out.println("  levels (easiest first):");
    for (Level level : made.levels()) {
      out.printf(Locale.ROOT, "    %-12s %8.2f  %s%n", level.id(), level.difficulty(), level.description());
    }
    out.println("  metrics (the first ranks):");
    for (Metric metric : made.metrics()) {
      out.printf(Locale.ROOT, "    %-20s %-16s %-9s %s%n", metric.id(), metric.direction().name()
          .toLowerCase(Locale.ROOT), metric.unit(), metric.description());
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
}
