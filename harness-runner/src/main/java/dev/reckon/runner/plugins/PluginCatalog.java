package dev.reckon.runner.plugins;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the runner knows of the plugins: what discovery's process described ({@link
 * PluginRegistry#catalog}), as plain records. The runner lists, locks and plans from these alone
 * and never runs plugin code. The records are checked again when read: ids distinct and {@linkplain
 * dev.reckon.tck.SafeNames safe}, each offering's plugin one of the loaded ones.
 *
 * @param plugins the plugins that loaded, in discovery order
 * @param failures the plugins, tasks and models that could not be used, each with the reason
 */
public record PluginCatalog(List<Plugin> plugins, List<DescribedTask> tasks, List<DescribedModel> models,
    List<DescribedAnalysis> analyses, List<PluginFailure> failures) {
  public PluginCatalog {
    plugins = List.copyOf(plugins);
    tasks = List.copyOf(tasks);
    models = List.copyOf(models);
    analyses = List.copyOf(analyses);
    failures = List.copyOf(failures);
    Set<Path> sources = new HashSet<>(plugins.stream().map(Plugin::source).toList());
    requireOffered("task", tasks, DescribedTask::id, DescribedTask::plugin, sources);
    requireOffered("model", models, DescribedModel::id, DescribedModel::plugin, sources);
    requireOffered("analysis", analyses, DescribedAnalysis::id, DescribedAnalysis::plugin, sources);
  }

  public Optional<DescribedTask> task(String id) {
    return tasks.stream().filter(task -> task.id().equals(id)).findFirst();
  }

  public Optional<DescribedModel> model(String id) {
    return models.stream().filter(model -> model.id().equals(id)).findFirst();
  }

  public Optional<DescribedAnalysis> analysis(String id) {
    return analyses.stream().filter(analysis -> analysis.id().equals(id)).findFirst();
  }

  /** The loaded plugin whose source is {@code source}. */
  public Plugin plugin(Path source) {
    return plugins.stream().filter(plugin -> plugin.source().equals(source)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no loaded plugin " + source));
  }

  /** Whether a plugin hung, exited or ran out of memory: {@code list} and {@code run} exit 1 for it. */
  public boolean anyBrokeItsProcess() {
    return failures.stream().anyMatch(PluginFailure::brokeItsProcess);
  }

  private static <T> void requireOffered(String kind, List<T> items, Function<T, String> id,
      Function<T, Path> plugin, Set<Path> sources) {
    Set<String> ids = new HashSet<>();
    for (T item : items) {
      if (!ids.add(id.apply(item)) || !sources.contains(plugin.apply(item))) {
        throw new IllegalArgumentException(kind + " '" + id.apply(item) + "' is offered twice or by no loaded plugin");
      }
    }
  }
}
