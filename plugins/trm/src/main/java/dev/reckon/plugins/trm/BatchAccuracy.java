package dev.reckon.plugins.trm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.reckon.kit.PuzzleBatch;

/**
 * How each seed's training batch's answer stands, for the training curves: the share of puzzles
 * with every blank right and the share of blanks right.
 *
 * @param puzzles by seed, puzzles whose every blank the logits get right
 * @param cells by seed, blanks the logits get right
 */
record BatchAccuracy(float[] puzzles, float[] cells) {
  /**
   * The accuracy of {@code logits [K, batch, cells, labels]} on {@code batch} ({@code [K, batch,
   * cells]}), computed in the engine, read back once for all the seeds.
   */
  static BatchAccuracy of(PuzzleBatch batch, NDArray logits) {
    NDArray blanks = batch.blanks();
    NDArray right = logits.argMax(-1).eq(batch.targets()).toType(DataType.FLOAT32, false).mul(blanks);
    float[] blankCounts = blanks.sum(new int[] {1, 2}).toFloatArray();
    float[] rightCounts = right.sum(new int[] {1, 2}).toFloatArray();
    NDArray wrongBlanks = blanks.sub(right).sum(new int[] {2});
    float[] puzzles = wrongBlanks.eq(0).toType(DataType.FLOAT32, false).mean(new int[] {1}).toFloatArray();
    float[] cells = new float[blankCounts.length];
    for (int k = 0; k < cells.length; k++) {
      cells[k] = blankCounts[k] == 0 ? 1 : rightCounts[k] / blankCounts[k];
    }
    return new BatchAccuracy(puzzles, cells);
  }
}
