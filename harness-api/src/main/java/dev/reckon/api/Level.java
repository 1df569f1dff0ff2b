package dev.reckon.api;

import static java.util.Objects.requireNonNull;

/**
 * A difficulty level of a task. A task lists its levels from easy to hard.
 *
 * @param id short name used on the command line and in results, e.g. {@code b10}
 * @param difficulty a number for the chart axis, growing with difficulty (e.g. blanks)
 * @param description one line for people
 */
public record Level(String id, double difficulty, String description) {
  public Level {
    requireNonNull(id, "id is null");
    requireNonNull(description, "description is null");
  }
}
