package dev.reckon.api;

import java.util.Map;

/**
 * A task-specific analysis that needs no model, run by {@code reckon analyze ID --name value ...}
 * (for example the rank of a SET game's query-by-key match matrix).
 */
public interface Analysis {
  /** Unique id across all loaded plugins, e.g. {@code set-game}. */
  String id();

  /** One line for {@code reckon list}, naming the options it reads. */
  String description();

  /**
   * Runs the analysis and returns its report as text for a person.
   *
   * @param options the command line's {@code --name value} pairs, without the dashes
   * @throws IllegalArgumentException for an unknown, missing or malformed option, with a message
   *     naming the option and the reason (the runner reports it as a usage error)
   */
  String run(Map<String, String> options);
}
