package dev.reckon.runner.plugins;

import java.nio.file.Path;

/** A loaded task, model or analysis, with the plugin that offers it: in the processes that run plugin code. */
public sealed interface Discovered permits DiscoveredTask, DiscoveredModel, DiscoveredAnalysis {
  /** The source of its plugin. */
  Path plugin();
}
