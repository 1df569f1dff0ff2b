package dev.reckon.runner.plugins;

/** A task, model or analysis together with the plugin that offers it. */
public sealed interface Discovered permits DiscoveredTask, DiscoveredModel, DiscoveredAnalysis {
  Plugin plugin();
}
