package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Give every node of a graph a label in {@code 1..labels}: {@link LabelingDataset} when all
 * examples share one graph (Sudoku), {@link GraphLabelingDataset} when each has its own (a
 * colouring of random graphs). Predictions are {@link LabelingPredictions}.
 *
 * @param graphs whether the graph is shared by every example or drawn per example
 * @param constraint what a group of the graph demands of its labels
 * @param labels the number of distinct labels
 */
public record LabelingFormat(Graphs graphs, Constraint constraint, int labels) implements Format {
  public static final String ID = "labeling";

  public LabelingFormat {
    requireNonNull(graphs, "graphs is null");
    requireNonNull(constraint, "constraint is null");
    if (labels < 1) {
      throw new IllegalArgumentException("labels must be at least 1, got " + labels);
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "labeling: %d labels, %s graph, groups %s", labels,
        graphs == Graphs.SHARED ? "one shared" : "a new", constraint.meaning());
  }

  /** Whether examples share one graph. */
  public enum Graphs {
    /** Every example labels the same graph: a model may be built for it. */
    SHARED,
    /** Each example brings its own graph (node count and edges vary). */
    PER_EXAMPLE
  }

  /** What the labels of one group of nodes must satisfy. */
  public enum Constraint {
    /** Each group holds every label exactly once (a Sudoku row: as many nodes as labels). */
    EVERY_LABEL_ONCE("hold every label exactly once"),
    /** The labels of a group differ pairwise; some labels may be absent (a colouring's edges). */
    ALL_DIFFERENT("have pairwise different labels"),
    /** Groups only say which nodes are related; the task scores labels by its own rule. */
    RELATION("only relate nodes");

    private final String meaning;

    Constraint(String meaning) {
      this.meaning = meaning;
    }

    public String meaning() {
      return meaning;
    }
  }
}
