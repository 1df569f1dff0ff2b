package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Examples that each bring their own graph and ask for a label on every node of it (a {@link
 * LabelingFormat} with {@link LabelingFormat.Graphs#PER_EXAMPLE} graphs): a colouring of random
 * graphs, a path marked on a random map. Labels are {@code 1..labels}; {@code 0} in {@link
 * #givens()} marks a node to fill in.
 *
 * @param graphs {@code [example]}: the example's graph; its groups mean what the format declares
 * @param labels the number of distinct labels
 * @param givens {@code [example][node]}: the given label or 0
 * @param solutions {@code [example][node]}: the answer, or {@code null} when hidden
 * @param features {@code [example][node][feature]}: what the task tells of each node beyond its
 *     given label (coordinates, weights), or {@code null} when nothing
 */
public record GraphLabelingDataset(ConstraintGraph[] graphs, int labels, int[][] givens, int[][] solutions,
    float[][][] features) implements Dataset {
  public GraphLabelingDataset {
    requireNonNull(graphs, "graphs is null");
    requireNonNull(givens, "givens is null");
    if (graphs.length != givens.length || (solutions != null && solutions.length != givens.length)
        || (features != null && features.length != givens.length)) {
      throw new IllegalArgumentException("graphs, givens, solutions and features must have one entry an example");
    }
    for (int example = 0; example < graphs.length; example++) {
      if (givens[example].length != graphs[example].nodes()) {
        throw new IllegalArgumentException("example " + example + " has " + givens[example].length
            + " givens for a graph of " + graphs[example].nodes() + " nodes");
      }
    }
  }

  @Override
  public int size() {
    return givens.length;
  }

  @Override
  public GraphLabelingDataset withoutAnswers() {
    return new GraphLabelingDataset(graphs, labels, givens, null, features);
  }

  @Override
  public boolean hasAnswers() {
    return solutions != null;
  }

  /** Graphs are immutable; the arrays are copied. */
  @Override
  public GraphLabelingDataset copy() {
    return new GraphLabelingDataset(Arrays.copyOf(graphs, graphs.length), labels, Shapes.copy(givens),
        Shapes.copy(solutions), Shapes.copy(features));
  }

  @Override
  public boolean writeCanonical(DataOutput out) throws IOException {
    CanonicalForm.shape(out, "graph-labeling");
    out.writeInt(graphs.length);
    for (ConstraintGraph graph : graphs) {
      CanonicalForm.graph(out, graph);
    }
    out.writeInt(labels);
    CanonicalForm.ints(out, givens);
    CanonicalForm.ints(out, solutions);
    CanonicalForm.floats(out, features);
    return true;
  }

  @Override
  public void check(Predictions predictions) {
    LabelingPredictions labelling = Shapes.as(LabelingPredictions.class, predictions, "a graph labelling dataset");
    labelling.requireLabels(size(), example -> graphs[example].nodes(), labels);
  }
}
