package dev.reckon.plugins.trm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.reckon.kit.PuzzleBatch;

/**
 * How a training batch's answer stands, for the training curves: the share of puzzles with every
 * blank right and the share of blanks right.
 *
 * @param puzzles puzzles whose every blank the logits get right
 * @param cells blanks the logits get right
 */
record BatchAccuracy(double puzzles, double cells) {
  /** The accuracy of {@code logits [batch, cells, labels]} on {@code batch}, computed in the engine. */
  static BatchAccuracy of(PuzzleBatch batch, NDArray logits) {
    NDArray blanks = batch.blanks();
    NDArray right = logits.argMax(-1).eq(batch.targets()).toType(DataType.FLOAT32, false).mul(blanks);
    float blankCount = blanks.sum().getFloat();
    double cells = blankCount == 0 ? 1 : right.sum().getFloat() / blankCount;
    NDArray wrongBlanks = blanks.sub(right).sum(new int[] {1});
    double puzzles = wrongBlanks.eq(0).toType(DataType.FLOAT32, false).mean().getFloat();
    return new BatchAccuracy(puzzles, cells);
  }
}
