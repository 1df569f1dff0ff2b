package dev.reckon.runner.execution;

import dev.reckon.api.Format;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Task;
import dev.reckon.tck.SafeNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task made at a suite entry's settings and seed in planning's process, as the runner reads it:
 * its format, levels and metrics, and the levels the suite names; or why it cannot be used. A
 * usable one is checked when made, in that process and again in the runner: a format, at least
 * one level and one metric, every level id and metric name a safe name (they become folder names
 * and CSV values).
 *
 * @param unusable why it cannot be used, in the runner's words; the rest is empty then
 * @param format its format's id
 * @param semantics its format as {@link Format#describe} tells it
 * @param named each level id the suite names, as {@link Task#level} returned it (a file level is
 *     one the task makes on request, not one of {@code levels})
 * @param unknown each level id the suite names that {@link Task#level} refused, with its words
 * @param referenceSolver whether it has an exact solver ({@link Task#referenceSolver})
 * @param classicalReferences the models it names as its exact classical references
 */
public record MadeTask(Optional<String> unusable, String format, String semantics, List<Level> levels,
    List<Metric> metrics, Map<String, Level> named, Map<String, String> unknown, boolean referenceSolver,
    List<String> classicalReferences) {
  public MadeTask {
    if (unusable.isEmpty()) {
      problem(format, levels, metrics).ifPresent(problem -> {
        throw new IllegalArgumentException(problem);
      });
      levels = List.copyOf(levels);
      metrics = List.copyOf(metrics);
      named = Map.copyOf(named);
      unknown = Map.copyOf(unknown);
      classicalReferences = List.copyOf(classicalReferences);
    }
  }

  /** A task that cannot be used, for {@code reason}. */
  static MadeTask unusable(String reason) {
    return new MadeTask(Optional.of(reason), null, null, List.of(), List.of(), Map.of(), Map.of(), false, List.of());
  }

  /**
   * What the runner reads of {@code task}, and its levels of the ids {@code named}. Its plugin code
   * runs here: a throw is the caller's to report.
   */
  static MadeTask of(Task task, List<String> named) {
    Format format = task.format();
    List<Level> levels = task.levels();
    List<Metric> metrics = task.metrics();
    Optional<String> problem = problem(format == null ? null : format.id(), levels, metrics);
    if (problem.isPresent()) {
      return unusable(problem.get());
    }
    Map<String, Level> found = new LinkedHashMap<>();
    Map<String, String> unknown = new LinkedHashMap<>();
    for (String id : named) {
      try {
        Level level = task.level(id);
        if (level == null) {
          unknown.put(id, "no level '" + id + "' (level() returned null)");
        } else {
          found.put(id, level);
        }
      } catch (IllegalArgumentException e) {
        unknown.put(id, String.valueOf(e.getMessage()));
      }
    }
    List<String> references = task.classicalReferences();
    return new MadeTask(Optional.empty(), format.id(), format.describe(), levels, metrics, found, unknown,
        task.referenceSolver().isPresent(), references == null ? List.of() : references);
  }

  private static Optional<String> problem(String format, List<Level> levels, List<Metric> metrics) {
    if (format == null) {
      return Optional.of("it declares no format");
    }
    if (levels == null || levels.isEmpty()) {
      return Optional.of("it declares no levels");
    }
    if (metrics == null || metrics.isEmpty()) {
      return Optional.of("it declares no metrics");
    }
    try {
      levels.forEach(level -> SafeNames.require("level id", level == null ? null : level.id()));
      metrics.forEach(metric -> SafeNames.require("metric", metric == null ? null : metric.id()));
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }
}
