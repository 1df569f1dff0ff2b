package dev.reckon.api;

import java.util.Locale;

/** Deep copies and the shape checks the built-in datasets share. */
final class Shapes {
  private Shapes() {}

  static int[][] copy(int[][] rows) {
    if (rows == null) {
      return null;
    }
    int[][] copy = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i] == null ? null : rows[i].clone();
    }
    return copy;
  }

  static float[][][] copy(float[][][] blocks) {
    if (blocks == null) {
      return null;
    }
    float[][][] copy = new float[blocks.length][][];
    for (int i = 0; i < blocks.length; i++) {
      if (blocks[i] != null) {
        copy[i] = new float[blocks[i].length][];
        for (int j = 0; j < blocks[i].length; j++) {
          copy[i][j] = blocks[i][j] == null ? null : blocks[i][j].clone();
        }
      }
    }
    return copy;
  }

  /** Requires {@code predictions} to be of {@code type}, naming both otherwise. */
  static <P extends Predictions> P as(Class<P> type, Predictions predictions, String dataset) {
    if (predictions == null) {
      throw new IllegalArgumentException("no predictions (null)");
    }
    if (!type.isInstance(predictions)) {
      throw new IllegalArgumentException(dataset + " needs " + type.getSimpleName() + ", got "
          + predictions.getClass().getName());
    }
    return type.cast(predictions);
  }

  /** One block of outputs per iteration count, one output per example; {@code what} is a plural noun. */
  static void requireBlocks(Object[] blocks, int[] iterations, int examples, String what) {
    if (blocks == null || blocks.length != iterations.length) {
      throw new IllegalArgumentException((blocks == null ? "no" : Integer.toString(blocks.length)) + " sets of " + what
          + " for " + iterations.length + " iteration counts");
    }
    for (int i = 0; i < blocks.length; i++) {
      Object[] block = (Object[]) blocks[i];
      if (block == null || block.length != examples) {
        throw new IllegalArgumentException(what + " at " + iterations[i] + " iterations hold "
            + (block == null ? "nothing" : block.length + " examples") + "; the dataset has " + examples);
      }
    }
  }

  static IllegalArgumentException at(String problem, int example, int iterations) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "%s of example %d at %d iterations", problem,
        example, iterations));
  }
}
