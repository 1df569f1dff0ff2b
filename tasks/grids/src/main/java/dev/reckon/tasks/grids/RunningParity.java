package dev.reckon.tasks.grids;

import dev.reckon.api.Dataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Task;

/**
 * The prefix-sums task's exact solver: the running parity, the xor of the bits up to each
 * position. Its class is also how parity-ripple knows the task (see {@link StepReference}).
 */
final class RunningParity implements Task.ReferenceSolver {
  /** The channel that holds a position's bit, 0 or 1. */
  static final int BIT = 0;
  static final int CHANNELS = 1;
  /** The label of a position whose running parity is even; odd is one more. */
  static final int EVEN = 1;
  static final int LABELS = 2;

  /** {@code [position]}: the label of the running parity of the bits {@code cells[0..position][BIT]}. */
  static int[] labels(float[][] cells) {
    int[] labels = new int[cells.length];
    int parity = 0;
    for (int position = 0; position < cells.length; position++) {
      parity ^= cells[position][BIT] == 1f ? 1 : 0;
      labels[position] = EVEN + parity;
    }
    return labels;
  }

  @Override
  public LabelingPredictions solve(Dataset inputs) {
    float[][][] strings = ((GridDataset) inputs).cells();
    int[][] labels = new int[strings.length][];
    for (int example = 0; example < labels.length; example++) {
      labels[example] = labels(strings[example]);
    }
    return new LabelingPredictions(new int[] {1}, new int[][][] {labels});
  }
}
