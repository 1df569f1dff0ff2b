package dev.reckon.runner;

import dev.reckon.runner.plugins.DiscoveredAnalysis;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.runner.plugins.DiscoveredTask;
import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reckon list}: every discovered task and model, and every plugin that failed to load. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List discovered tasks, models and analyses, and plugins that failed to load.")
final class ListCommand implements Callable<Integer> {
  @Mixin PluginOptions plugins;

  private final Console console;

  @Inject
  ListCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    PluginRegistry registry = plugins.load();
    PrintStream out = console.out();
    out.println("Tasks");
    for (DiscoveredTask task : registry.tasks()) {
      row(out, task.task().id(), task.task().version(), "task/" + task.task().format().name().toLowerCase(Locale.ROOT),
          task.plugin().source());
    }
    out.println("Models");
    for (DiscoveredModel model : registry.models()) {
      row(out, model.factory().id(), model.factory().version(), model.factory().learns() ? "model/learns" : "model",
          model.plugin().source());
    }
    if (!registry.analyses().isEmpty()) {
      out.println("Analyses (reckon analyze ID)");
      for (DiscoveredAnalysis analysis : registry.analyses()) {
        out.printf(Locale.ROOT, "  %-22s %s (%s)%n", analysis.analysis().id(), analysis.analysis().description(),
            analysis.plugin().source());
      }
    }
    if (!registry.failures().isEmpty()) {
      out.println("Failed to load");
      for (PluginFailure failure : registry.failures()) {
        out.println("  " + failure);
      }
    }
    return 0;
  }

  private static void row(PrintStream out, String id, String version, String kind, Path source) {
    out.printf(Locale.ROOT, "  %-22s %-6s %-16s %s%n", id, version, kind, source);
  }
}
