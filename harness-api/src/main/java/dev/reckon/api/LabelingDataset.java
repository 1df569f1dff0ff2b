package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Examples that ask for a label on every node of one shared {@link ConstraintGraph} (a {@link
 * LabelingFormat} with {@link LabelingFormat.Graphs#SHARED} graphs).
 *
 * <p>Labels are {@code 1..labels}; {@code 0} in {@link #givens()} marks a node to fill in.
 *
 * @param graph the constraint graph shared by every example
 * @param labels the number of distinct labels (the Sudoku side N)
 * @param givens {@code [example][node]}: the given label or 0
 * @param solutions {@code [example][node]}: the answer, or {@code null} when hidden
 */
public record LabelingDataset(ConstraintGraph graph, int labels, int[][] givens, int[][] solutions)
    implements Dataset {
  public LabelingDataset {
    requireNonNull(graph, "graph is null");
    requireNonNull(givens, "givens is null");
    if (solutions != null && solutions.length != givens.length) {
      throw new IllegalArgumentException(givens.length + " examples but " + solutions.length + " solutions");
    }
  }

  @Override
  public int size() {
    return givens.length;
  }

  @Override
  public LabelingDataset withoutAnswers() {
    return new LabelingDataset(graph, labels, givens, null);
  }

  @Override
  public boolean hasAnswers() {
    return solutions != null;
  }

  @Override
  public LabelingDataset copy() {
    return new LabelingDataset(graph, labels, Shapes.copy(givens), Shapes.copy(solutions));
  }

  @Override
  public boolean writeCanonical(DataOutput out) throws IOException {
    CanonicalForm.shape(out, "labeling");
    CanonicalForm.graph(out, graph);
    out.writeInt(labels);
    CanonicalForm.ints(out, givens);
    CanonicalForm.ints(out, solutions);
    return true;
  }

  @Override
  public void check(Predictions predictions) {
    LabelingPredictions labelling = Shapes.as(LabelingPredictions.class, predictions, "a labelling dataset");
    labelling.requireLabels(size(), example -> graph.nodes(), labels);
  }
}
