package dev.reckon.runner.plugins;

import dev.reckon.api.Analysis;

/** An analysis and the plugin it came from; calls into it run in the plugin's class loader. */
public record DiscoveredAnalysis(Analysis analysis, Plugin plugin) implements Discovered {}
