package dev.reckon.runner;

import dev.reckon.runner.execution.DiscoveryProcess;
import dev.reckon.runner.plugins.PluginCatalog;
import dev.reckon.runner.plugins.PluginDirectories;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins} option of every command that loads plugins (a picocli mixin), and the
 * discovery behind it: the distribution's own plugins, then each directory given.
 */
final class PluginOptions {
  @Option(names = "--plugins", paramLabel = "DIR", description = "Also load plugins from DIR (repeatable).")
  List<Path> directories = new ArrayList<>();

  private final PluginLoader loader;
  private final PluginDirectories distribution;

  @Inject
  PluginOptions(PluginLoader loader, PluginDirectories distribution) {
    this.loader = loader;
    this.distribution = distribution;
  }

  /** The plugins as {@code discovery}'s process describes them: what the runner lists, locks and plans from. */
  PluginCatalog discover(DiscoveryProcess discovery) {
    return discovery.catalog(directories());
  }

  /** The plugins loaded in this process: only for {@code analyze}, which runs an analysis's code here anyway. */
  PluginRegistry load() {
    return loader.load(directories());
  }

  /** Every directory plugins are loaded from, the distribution's first; a cell's process loads the same. */
  List<Path> directories() {
    return distribution.with(directories);
  }

  /** The same directories with those given first: where verify-plugin looks for a task before the built-ins. */
  List<Path> givenFirst() {
    List<Path> all = directories();
    int builtIn = distribution.with(List.of()).size();
    List<Path> ordered = new ArrayList<>(all.subList(builtIn, all.size()));
    ordered.addAll(all.subList(0, builtIn));
    return ordered;
  }
}
