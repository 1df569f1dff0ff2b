package dev.reckon.runner.plugins;

import dev.reckon.api.Task;

/** A task and the plugin it came from; calls into the task run in the plugin's class loader. */
public record DiscoveredTask(Task task, Plugin plugin) implements Discovered {}
