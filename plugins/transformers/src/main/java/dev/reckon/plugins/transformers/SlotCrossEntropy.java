package dev.reckon.plugins.transformers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The training loss: the cross-entropy of each slot's class (answer token or end), averaged over
 * the slots, the batch and the read-outs (the T applications of a recurrent model's tied layer,
 * or the one read-out of a plain stack), one loss per seed of a stacked network. Ends count like
 * tokens: the answer's length is learned.
 */
final class SlotCrossEntropy {
  private SlotCrossEntropy() {}

  /**
   * @param logits one {@code (K, B, S, C)} array per read-out
   * @param classes {@code (K, B, S)} int64: each slot's class
   * @return each seed's loss {@code (K)}, in the manager of the first read-out's logits
   */
  static NDArray mean(NDList logits, NDArray classes) {
    // (K, T, B, S, C): each seed's read-outs together, so that one mean over a row is its loss.
    NDArray stacked = NDArrays.stack(logits, 1);
    long count = stacked.getShape().get(stacked.getShape().dimension() - 1);
    NDArray answerLogProbability = stacked.logSoftmax(-1)
        .mul(classes.expandDims(1).oneHot(Math.toIntExact(count)))
        .sum(new int[] {-1});
    return answerLogProbability.reshape(stacked.getShape().get(0), -1).mean(new int[] {1}).neg();
  }
}
