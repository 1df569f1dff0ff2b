package dev.reckon.runner.execution;

import dev.reckon.runner.plugins.Plugin;
import java.util.List;

/**
 * What discovery's process ({@link DiscoveryMain}) is asked, sent as JSON: describe these
 * plugins, or, with {@code questions}, load them and answer planning's questions.
 *
 * @param plugins the plugins to load, in discovery order, each jar with the sha256 the runner read:
 *     a jar found changed is not loaded
 * @param questions planning's questions, or null to describe the plugins ({@link
 *     dev.reckon.runner.plugins.PluginCatalog})
 */
record DiscoverySpec(List<Plugin> plugins, PlanningQuestions questions) {}
