package dev.reckon.reports.claims;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run of rrn (T = 8), deq-gnn (T = 16), uniform, oracle and propagation on 6x6 sudoku trained on b16. */
final class SudokuRun {
  /** The rrn's evaluated counts (T = 8, so T, 2T, 4T = indices 3, 4, 5). */
  static final int[] RRN_COUNTS = {1, 2, 4, 8, 16, 32};
  /** The DEQ's solver caps and propagation's budgets. */
  static final int[] CAPS = {1, 2, 4, 8, 16, 32, 64};

  final Map<String, double[]> rrn = new LinkedHashMap<>(Map.of(
      "b16", new double[] {0, 0.01, 0.9, 0.998, 1, 1},
      "b20", new double[] {0, 0, 0.5, 0.8, 0.9, 0.95},
      "minimal", new double[] {0, 0, 0.05, 0.55, 0.62, 0.7}));
  final Map<String, double[]> deq = new LinkedHashMap<>(Map.of(
      "b16", new double[] {0, 0, 0.4, 0.98, 1, 1, 1},
      "b20", new double[] {0, 0, 0.1, 0.7, 0.95, 0.97, 0.97},
      "minimal", new double[] {0, 0, 0, 0.2, 0.7, 0.8, 0.8}));
  final Map<String, double[]> propagation = new LinkedHashMap<>(Map.of(
      "b16", new double[] {0.74, 0.99, 1, 1, 1, 1, 1},
      "b20", new double[] {0.2, 0.8, 1, 1, 1, 1, 1},
      "minimal", new double[] {0, 0.02, 0.6, 1, 1, 1, 1}));
  /** Not given the graph: above chance, below the rrn everywhere. */
  final Map<String, double[]> learned = new LinkedHashMap<>(Map.of(
      "b16", new double[] {0, 0.05, 0.2, 0.4, 0.45, 0.45},
      "b20", new double[] {0, 0, 0.05, 0.2, 0.25, 0.25},
      "minimal", new double[] {0, 0, 0, 0.05, 0.08, 0.08}));
  /** Its training-batch puzzle accuracy every 25 updates, {@link #learnedSeconds} apart: it never reaches 0.5. */
  double[] learnedCurve = {0, 0.1, 0.2, 0.3, 0.38, 0.42, 0.45};
  double learnedSeconds = 1.9;
  double oracle = 1.0;
  int examples = 500;

  RunBuilder builder() {
    RunBuilder run = new RunBuilder("sudoku-claims").examples(examples).trainedWith("rrn", 8)
        .trainedWith("deq-gnn", 16).trainedWith("learned-adjacency", 8);
    for (String level : List.of("b16", "b20", "minimal")) {
      run.accuracy("learned-adjacency", "b16", level, RRN_COUNTS, learned.get(level));
      run.accuracy("rrn", "b16", level, RRN_COUNTS, rrn.get(level));
      run.accuracy("deq-gnn", "b16", level, CAPS, deq.get(level));
      run.accuracy("propagation", "b16", level, CAPS, propagation.get(level));
      run.accuracy("uniform", "b16", level, new int[] {1}, 0.0);
      run.accuracy("oracle", "b16", level, new int[] {1}, oracle);
    }
    return run
        .curve("rrn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, 1.5, 0, 0.3, 0.5, 0.66, 0.76, 0.83, 0.88,
            0.92, 0.94)
        .curve("deq-gnn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, 0.94, 0, 0.44, 0.68, 0.82, 0.9, 0.94,
            0.97, 0.97, 0.97)
        .curve("learned-adjacency", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, learnedSeconds, learnedCurve)
        .curve("rrn", "sudoku-6x6", "b16", "update_memory_mb", 200, 12, 41.5)
        .curve("deq-gnn", "sudoku-6x6", "b16", "update_memory_mb", 200, 6, 9.25);
  }
}
