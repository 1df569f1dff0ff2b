package dev.reckon.runner;

import dev.reckon.runner.plugins.PluginFailure;
import dev.reckon.runner.plugins.PluginLock;
import dev.reckon.runner.plugins.PluginCatalog;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code reckon lock}: the plugin jars loaded here, the distribution's and those of each {@code
 * --plugins} directory, as a {@linkplain PluginLock lock} on standard output. Committed, it lets
 * {@code reckon run --lock} refuse any other jars, so CI pins what its runs are measured with. A
 * plugin that fails to load is warned about, as {@code run} does, and is not in the lock.
 */
@Command(name = "lock", mixinStandardHelpOptions = true, description = "Write a lock of the loaded plugin jars (each "
    + "jar's file name and sha256, the ids and versions its plugin offers) to standard output, for reckon run "
    + "--lock: reckon lock [--plugins DIR]... > reckon.lock")
final class LockCommand implements Callable<Integer> {
  @Mixin PluginOptions plugins;

  @Mixin SandboxOption sandbox;

  private final Console console;

  @Inject
  LockCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    PluginCatalog catalog = plugins.discover(sandbox.discovery(sandbox.inspect()));
    for (PluginFailure failure : catalog.failures()) {
      console.err().println("warning: plugin " + failure);
    }
    console.out().print(PluginLock.of(catalog).text());
    return catalog.anyBrokeItsProcess() ? 1 : 0;
  }
}
