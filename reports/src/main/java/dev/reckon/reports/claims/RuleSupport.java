package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.ResultSelection.matches;

import dev.reckon.reports.claims.ResultSelection.CellLevel;
import dev.reckon.reports.claims.ResultSelection.TaskLevel;
import dev.reckon.reports.measurements.Measurement;
import dev.reckon.reports.measurements.MeasurementIndex;
import dev.reckon.reports.measurements.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the claim rules share beyond {@link ResultSelection} and {@link Comparison} (outside the
 * noise): the fields a rule requires, levels a rule leaves out ({@code !pattern}), iteration counts
 * a rule names ({@code best}, {@code all}) and the text of a measurement with its interval.
 */
final class RuleSupport {
  private RuleSupport() {}

  /**
   * A rule read from the claims file must name what it needs: a missing field fails the load, naming it.
   *
   * @param names the fields' names as the claims file spells them, e.g. {@code "model, task, at_least"}
   */
  static void required(String names, Object... fields) {
    List<String> named = List.of(names.split(", "));
    List<String> missing = IntStream.range(0, fields.length).filter(i -> fields[i] == null).mapToObj(named::get)
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("lacks the required field" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing));
    }
  }

  /** E.g. {@code ", levels union, shatter"}, for saying what was looked for. */
  static String levelWords(List<String> levels) {
    return ", levels " + String.join(", ", levels);
  }

  /** How much better {@code a} is than {@code b} in the metric's direction. */
  static double lead(MeasurementIndex index, Measurement a, Measurement b) {
    return ResultSelection.gain(index, a.task(), a.metric(), a.value(), b.value());
  }

  /** E.g. {@code >= 0.9 and <= 1}: the bounds a rule holds a number to; a null bound is none. */
  static String bounds(Double atLeast, Double atMost) {
    List<String> bounds = new ArrayList<>();
    if (atLeast != null) {
      bounds.add(">= " + Numbers.text(atLeast));
    }
    if (atMost != null) {
      bounds.add("<= " + Numbers.text(atMost));
    }
    return String.join(" and ", bounds);
  }

  /** The values of {@code measured}, e.g. {@code 1} or {@code 0 to 0.004}. */
  static String range(List<Measurement> measured) {
    double low = measured.stream().mapToDouble(Measurement::value).min().orElseThrow();
    double high = measured.stream().mapToDouble(Measurement::value).max().orElseThrow();
    return low == high ? Numbers.text(low) : Numbers.text(low) + " to " + Numbers.text(high);
  }

  /** A value with its 95% interval, e.g. {@code 0.55 [0.452, 0.644]}. */
  static String text(Measurement m) {
    return Numbers.text(m.value()) + " " + Numbers.interval(m.ciLow(), m.ciHigh());
  }

  /**
   * The cell levels {@link ResultSelection#cellLevels} selects for the words of {@code levels} that
   * do not start with {@code !}, less the levels matching a {@code !pattern} ({@code !file:*} leaves
   * out files of published puzzles).
   */
  static List<CellLevel> cellLevels(MeasurementIndex index, String task, List<String> models, List<String> levels,
      String metric) {
    List<String> excluded = excluded(levels);
    return ResultSelection.cellLevels(index, task, models, included(levels), metric).stream()
        .filter(s -> excluded.stream().noneMatch(pattern -> matches(pattern, s.level()))).toList();
  }

  /** As {@link #cellLevels}, for rules about a task's levels rather than one model's cells. */
  static List<TaskLevel> taskLevels(MeasurementIndex index, String task, List<String> levels, String metric) {
    List<String> excluded = excluded(levels);
    return ResultSelection.taskLevels(index, task, included(levels), metric).stream()
        .filter(s -> excluded.stream().noneMatch(pattern -> matches(pattern, s.level()))).toList();
  }

  private static List<String> included(List<String> levels) {
    return levels.stream().filter(word -> !word.startsWith("!")).toList();
  }

  private static List<String> excluded(List<String> levels) {
    return levels.stream().filter(word -> word.startsWith("!")).map(word -> word.substring(1)).toList();
  }

  /** Every iteration count a cell was evaluated at on a level, in a metric, ascending. */
  static List<Measurement> everyCount(MeasurementIndex index, CellLevel s) {
    return index.all().stream()
        .filter(m -> m.model().equals(s.model()) && m.task().equals(s.task())
            && m.trainLevel().equals(s.cell().trainLevel()) && m.evalLevel().equals(s.level())
            && m.metric().equals(s.metric()))
        .sorted(Comparator.comparingInt(Measurement::iterations)).toList();
  }

  /**
   * The measurement at iterations given as {@code best} (the count where the cell does best, the
   * fewest on a tie), {@code budget}, a count, or a multiple of the trained count ({@code T},
   * {@code 4T}).
   */
  static Optional<Measurement> at(MeasurementIndex index, CellLevel s, String iterations) {
    if (iterations.equals("best")) {
      List<Measurement> all = everyCount(index, s);
      Measurement best = null;
      for (Measurement m : all) {
        if (best == null || lead(index, m, best) > 0) {
          best = m;
        }
      }
      return Optional.ofNullable(best);
    }
    return s.at(index, iterations);
  }

  /** How an iteration count reads for people: {@code 32} or, as a multiple of the trained count, {@code 4T = 32}. */
  static String iterations(MeasurementIndex index, Measurement m) {
    int trained = index.run().trainedIterations(m.model(), m.task(), m.trainLevel());
    if (trained > 0 && m.iterations() % trained == 0) {
      int factor = m.iterations() / trained;
      return (factor == 1 ? "" : String.valueOf(factor)) + "T = " + m.iterations();
    }
    return String.valueOf(m.iterations());
  }
}
