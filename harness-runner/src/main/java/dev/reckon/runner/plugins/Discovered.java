package dev.reckon.runner.plugins;

/** A task or model together with the plugin that offers it. */
public sealed interface Discovered permits DiscoveredTask, DiscoveredModel {
  Plugin plugin();
}
