package dev.reckon.runner.plugins;

import java.nio.file.Path;

/** A plugin, or one of its tasks or models, that could not be used, and why. */
public record PluginFailure(Path source, String reason) {
  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
