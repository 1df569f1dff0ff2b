package dev.reckon.runner;

import dev.reckon.runner.execution.DiscoveryProcess;
import dev.reckon.runner.execution.Sandbox;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options that confine plugin code, of {@code run}, {@code list} and {@code lock} (a picocli
 * mixin): the sandbox, and the time limit of plugin code outside the cells.
 */
final class SandboxOption {
  @Option(names = "--sandbox", paramLabel = "required|auto|off", defaultValue = "auto",
      description = "Run plugin code (discovery, planning, each cell) in a bubblewrap sandbox: no network, no "
          + "signals outside it, the run directory and your files out of reach. auto: where bubblewrap works, else "
          + "with one warning; required: refuse to run without it (exit 2); off: plugin code runs as your user. "
          + "Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(names = "--plugin-time-limit", paramLabel = "SECONDS", defaultValue = "60",
      description = "The most a plugin may take, in discovery's process, to load, to make a task at its settings "
          + "or to answer whether a model supports a task. A plugin that takes longer, exits or runs out of memory "
          + "there is named and skipped, and the command exits 1. Default: ${DEFAULT-VALUE}.")
  int pluginTimeLimitSeconds;

  /** The sandbox of this mode on this machine; {@code required} without bubblewrap is a usage error. */
  Sandbox choose() {
    return Sandbox.choose(mode);
  }

  /** The sandbox of this mode on this machine, without refusing: for {@code reckon list} and {@code lock}. */
  Sandbox inspect() {
    return Sandbox.inspect(mode);
  }

  /** Where discovery and planning run their plugin code: in {@code sandbox}, at this time limit. */
  DiscoveryProcess discovery(Sandbox sandbox) {
    if (pluginTimeLimitSeconds < 1) {
      throw new UsageException("--plugin-time-limit must be at least 1 second, not " + pluginTimeLimitSeconds);
    }
    return new DiscoveryProcess(sandbox, Duration.ofSeconds(pluginTimeLimitSeconds));
  }
}
