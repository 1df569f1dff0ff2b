package dev.reckon.runner;

import dev.reckon.runner.plugins.PluginDirectories;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.runner.plugins.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --plugins} option of every command that loads plugins (a picocli mixin). */
final class PluginOptions {
  @Option(names = "--plugins", paramLabel = "DIR", description = "Also load plugins from DIR (repeatable).")
  List<Path> directories = new ArrayList<>();

  /** The distribution's plugins and those of every {@code --plugins} directory. */
  PluginRegistry load(PluginLoader loader, PluginDirectories distribution) {
    return loader.load(distribution.with(directories));
  }
}
