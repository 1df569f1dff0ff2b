package dev.reckon.runner;

import dev.reckon.runner.execution.Sandbox;
import picocli.CommandLine.Option;

/** The {@code --sandbox} option of {@code run} and {@code list} (a picocli mixin). */
final class SandboxOption {
  @Option(names = "--sandbox", paramLabel = "required|auto|off", defaultValue = "auto",
      description = "Run each cell in a bubblewrap sandbox: no network, no signals outside it, the run directory "
          + "and your files out of reach. auto: where bubblewrap works, else with one warning; required: refuse to "
          + "run without it (exit 2); off: cells run as your user. Default: ${DEFAULT-VALUE}.")
  String mode;

  /** The sandbox of this mode on this machine; {@code required} without bubblewrap is a usage error. */
  Sandbox choose() {
    return Sandbox.choose(mode);
  }

  /** The sandbox of this mode on this machine, without refusing: for {@code reckon list}. */
  Sandbox inspect() {
    return Sandbox.inspect(mode);
  }
}
