package dev.reckon.runner.plugins;

import java.nio.file.Path;

/**
 * A plugin, or one of its tasks or models, that could not be used, and why.
 *
 * @param brokeItsProcess whether its code hung, exited or ran out of memory in the process it ran
 *     in (discovery's or planning's), rather than refusing with an exception: {@code list} and
 *     {@code run} exit 1 for it, so that CI never takes a hostile jar for success
 */
public record PluginFailure(Path source, String reason, boolean brokeItsProcess) {
  /** A plugin, task or model refused with the reason: it broke nothing. */
  public PluginFailure(Path source, String reason) {
    this(source, reason, false);
  }

  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
