package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.LabelingDataset;

/**
 * Some examples of a {@link LabelingDataset} as arrays.
 *
 * @param givens {@code [batch, nodes]} int64: the given label, 0 for a blank
 * @param targets {@code [batch, nodes]} int64: the answer's label minus one, a class index
 * @param blanks {@code [batch, nodes]} float: 1 on a blank, 0 on a given
 */
public record PuzzleBatch(NDArray givens, NDArray targets, NDArray blanks) {
  public PuzzleBatch {
    requireNonNull(givens, "givens is null");
    requireNonNull(targets, "targets is null");
    requireNonNull(blanks, "blanks is null");
  }

  /** The examples at {@code examples} of {@code data}, which has answers, owned by {@code manager}. */
  public static PuzzleBatch of(NDManager manager, LabelingDataset data, int[] examples) {
    int nodes = data.graph().nodes();
    long[] targets = new long[examples.length * nodes];
    float[] blanks = new float[examples.length * nodes];
    for (int b = 0; b < examples.length; b++) {
      int[] given = data.givens()[examples[b]];
      int[] solution = data.solutions()[examples[b]];
      for (int node = 0; node < nodes; node++) {
        targets[b * nodes + node] = solution[node] - 1L;
        blanks[b * nodes + node] = given[node] == 0 ? 1 : 0;
      }
    }
    Shape shape = new Shape(examples.length, nodes);
    return new PuzzleBatch(givens(manager, data, examples), manager.create(targets, shape), manager.create(blanks, shape));
  }

  /** The givens of the examples at {@code examples}: {@code [batch, nodes]} int64. */
  public static NDArray givens(NDManager manager, LabelingDataset data, int[] examples) {
    int nodes = data.graph().nodes();
    long[] givens = new long[examples.length * nodes];
    for (int b = 0; b < examples.length; b++) {
      int[] given = data.givens()[examples[b]];
      for (int node = 0; node < nodes; node++) {
        givens[b * nodes + node] = given[node];
      }
    }
    return manager.create(givens, new Shape(examples.length, nodes));
  }
}
