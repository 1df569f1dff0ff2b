package dev.reckon.graphnets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The kit's {@link dev.reckon.kit.StepwiseCrossEntropy} for each seed of a network of K seeds
 * ({@link dev.reckon.kit.SeedAxis}): the cross-entropy of the answer at every step, averaged over
 * the steps and over seed k's weighted nodes alone. Their sum is what the backward pass takes, so
 * each seed's slice of the weights gets the gradient of its own loss.
 */
public final class SeedLosses {
  private SeedLosses() {}

  /**
   * @param targets {@code [K, batch, nodes]} int64 class indices
   * @param weights {@code [K, batch, nodes]} float, 1 on the nodes that count
   * @param logits one array {@code [K, batch, nodes, classes]} per step
   * @return {@code [K]}, each seed's loss
   */
  public static NDArray stepwiseCrossEntropy(NDArray targets, NDArray weights, NDList logits) {
    NDArray perSeed = weightedAnswerLogProbabilities(targets, weights, logits).sum(new int[] {1, 2, 3});
    return perSeed.neg().div(weights.sum(new int[] {1, 2}).mul(logits.size()));
  }

  /**
   * As {@link #stepwiseCrossEntropy}, each example's own: averaged over the steps and its weighted
   * nodes alone (an example without one weighs 0).
   *
   * @return {@code [K, batch]}
   */
  public static NDArray perExample(NDArray targets, NDArray weights, NDList logits) {
    NDArray perExample = weightedAnswerLogProbabilities(targets, weights, logits).sum(new int[] {1, 3});
    return perExample.neg().div(weights.sum(new int[] {2}).maximum(1f).mul(logits.size()));
  }

  /** The answer's log probability at every step and node, times the node's weight: {@code [K, steps, batch, nodes]}. */
  private static NDArray weightedAnswerLogProbabilities(NDArray targets, NDArray weights, NDList logits) {
    NDArray stacked = NDArrays.stack(logits, 1);
    long classes = stacked.getShape().get(stacked.getShape().dimension() - 1);
    NDArray answerLogProbability = stacked.logSoftmax(-1).mul(targets.oneHot((int) classes).expandDims(1))
        .sum(new int[] {-1});
    return answerLogProbability.mul(weights.expandDims(1));
  }
}
