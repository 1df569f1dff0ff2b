package dev.reckon.runner.plugins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a process that runs plugin code loaded: plugins, their tasks, models and analyses by id,
 * and what failed to load. The runner gets its {@link #catalog} only.
 */
public final class PluginRegistry {
  private final List<Plugin> plugins;
  private final Map<String, DiscoveredTask> tasks;
  private final Map<String, DiscoveredModel> models;
  private final Map<String, DiscoveredAnalysis> analyses;
  private final List<PluginFailure> failures;

  PluginRegistry(List<Plugin> plugins, Map<String, DiscoveredTask> tasks, Map<String, DiscoveredModel> models,
      Map<String, DiscoveredAnalysis> analyses, List<PluginFailure> failures) {
    this.plugins = List.copyOf(plugins);
    this.tasks = new LinkedHashMap<>(tasks);
    this.models = new LinkedHashMap<>(models);
    this.analyses = new LinkedHashMap<>(analyses);
    this.failures = List.copyOf(failures);
  }

  public List<Plugin> plugins() {
    return plugins;
  }

  /** Tasks in discovery order. */
  public List<DiscoveredTask> tasks() {
    return List.copyOf(tasks.values());
  }

  /** Models in discovery order. */
  public List<DiscoveredModel> models() {
    return List.copyOf(models.values());
  }

  /** Analyses in discovery order. */
  public List<DiscoveredAnalysis> analyses() {
    return List.copyOf(analyses.values());
  }

  public List<PluginFailure> failures() {
    return failures;
  }

  public Optional<DiscoveredTask> task(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  public Optional<DiscoveredModel> model(String id) {
    return Optional.ofNullable(models.get(id));
  }

  public Optional<DiscoveredAnalysis> analysis(String id) {
    return Optional.ofNullable(analyses.get(id));
  }

  /** What was loaded, as the plain records the runner reads. */
  public PluginCatalog catalog() {
    return new PluginCatalog(plugins, tasks.values().stream().map(DiscoveredTask::described).toList(),
        models.values().stream().map(DiscoveredModel::described).toList(),
        analyses.values().stream().map(DiscoveredAnalysis::described).toList(), failures);
  }
}
