package dev.reckon.reports.claims;

import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.Measurement.Key;
import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@link ClaimRule} reads from a run: the tasks, cells and levels its fields select, the
 * measurements there, and the direction of a metric. See {@link ClaimRule} for the words of
 * {@code levels}.
 */
final class ResultSelection {
  private ResultSelection() {}

  /** {@code *} matches any run of characters; everything else matches itself. */
  static boolean matches(String pattern, String id) {
    return id.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
  }

  private static List<String> tasksMatching(MeasurementIndex index, String pattern) {
    return index.all().stream().map(Measurement::task).distinct().filter(task -> matches(pattern, task)).sorted()
        .toList();
  }

  private static String metricOf(MeasurementIndex index, String task, String metric) {
    return metric == null || metric.equals("primary") ? index.primaryMetric(task).orElse("") : metric;
  }

  /** A model trained on a level of a task: the unit whose levels and iterations rules walk. */
  record ModelCell(String model, String task, String trainLevel) {}

  /** A selected level a cell was evaluated on, with the metric resolved for the task. */
  record CellLevel(ModelCell cell, String level, String metric) {
    String model() {
      return cell.model();
    }

    String task() {
      return cell.task();
    }

    Measurement atBudget(MeasurementIndex index) {
      return index.get(key(index.budget(model(), task(), cell.trainLevel()))).orElseThrow();
    }

    /** The measurement at iterations given as a count, {@code budget} or a multiple of the trained count. */
    Optional<Measurement> at(MeasurementIndex index, String iterations) {
      return iterations(iterations, index.run().trainedIterations(model(), task(), cell.trainLevel()),
          index.budget(model(), task(), cell.trainLevel())).flatMap(count -> index.get(key(count)));
    }

    Key key(int iterations) {
      return new Key(model(), task(), cell.trainLevel(), level, iterations, metric);
    }
  }

  /** A selected level of a task, with the metric resolved for it. */
  record TaskLevel(String task, String level, String metric) {}

  /**
   * Every selected level of every cell of the models matching {@code models} on the tasks matching
   * {@code task}: the levels each cell was evaluated on, at its budget, in the metric, easiest first.
   */
  static List<CellLevel> cellLevels(MeasurementIndex index, String task, List<String> models,
      List<String> words, String metric) {
    List<CellLevel> selected = new ArrayList<>();
    for (String id : tasksMatching(index, task)) {
      String resolved = metricOf(index, id, metric);
      List<ModelCell> cells = index.all().stream()
          .filter(m -> m.task().equals(id) && models.stream().anyMatch(p -> matches(p, m.model())))
          .map(m -> new ModelCell(m.model(), id, m.trainLevel())).distinct().toList();
      for (ModelCell cell : cells) {
        levels(index, cell, words, resolved).forEach(level -> selected.add(new CellLevel(cell, level, resolved)));
      }
    }
    return selected;
  }

  private static List<String> levels(MeasurementIndex index, ModelCell cell, List<String> words, String metric) {
    int budget = index.budget(cell.model(), cell.task(), cell.trainLevel());
    List<String> evaluated = index.evaluatedLevels(cell.task()).stream()
        .filter(level -> index.get(new CellLevel(cell, level, metric).key(budget)).isPresent()).toList();
    Map<String, Double> difficulty = index.difficulties(cell.task());
    double trained = difficulty.getOrDefault(cell.trainLevel(), Double.NaN);
    List<String> selected = new ArrayList<>();
    for (String word : words) {
      switch (word) {
        case "all" -> selected.addAll(evaluated);
        case "hardest" -> selected.addAll(evaluated.isEmpty() ? List.of() : evaluated.subList(evaluated.size() - 1,
            evaluated.size()));
        case "training" -> selected.addAll(evaluated.contains(cell.trainLevel()) ? List.of(cell.trainLevel())
            : List.of());
        case "harder" -> evaluated.stream().filter(level -> difficulty.get(level) > trained).forEach(selected::add);
        default -> selected.addAll(evaluated.contains(word) ? List.of(word) : List.of());
      }
    }
    return selected.stream().distinct().toList();
  }

  /**
   * The selected levels of the tasks matching {@code task}; {@code training} and {@code harder} need a
   * cell and select nothing here.
   */
  static List<TaskLevel> taskLevels(MeasurementIndex index, String task, List<String> words, String metric) {
    List<TaskLevel> selected = new ArrayList<>();
    for (String id : tasksMatching(index, task)) {
      List<String> evaluated = index.evaluatedLevels(id);
      List<String> levels = new ArrayList<>();
      for (String word : words) {
        if (word.equals("all")) {
          levels.addAll(evaluated);
        } else if (word.equals("hardest") && !evaluated.isEmpty()) {
          levels.add(evaluated.get(evaluated.size() - 1));
        } else if (evaluated.contains(word)) {
          levels.add(word);
        }
      }
      String resolved = metricOf(index, id, metric);
      levels.stream().distinct().forEach(level -> selected.add(new TaskLevel(id, level, resolved)));
    }
    return selected;
  }

  /** How much better {@code a} is than {@code b} in the metric's direction. */
  static double gain(MeasurementIndex index, String task, String metric, double a, double b) {
    return index.higherIsBetter(task, metric) ? a - b : b - a;
  }

  /** {@code budget}, a count, or a multiple of the trained count ({@code T}, {@code 4T}); empty when unknown. */
  private static Optional<Integer> iterations(String spec, int trained, int budget) {
    if (spec.equals("budget")) {
      return Optional.of(budget);
    }
    Matcher multiple = Pattern.compile("(\\d*)T").matcher(spec);
    if (multiple.matches()) {
      int factor = multiple.group(1).isEmpty() ? 1 : Integer.parseInt(multiple.group(1));
      return trained > 0 ? Optional.of(factor * trained) : Optional.empty();
    }
    return Optional.of(Integer.parseInt(spec));
  }
}
