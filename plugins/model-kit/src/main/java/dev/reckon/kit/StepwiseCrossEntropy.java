package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The cross-entropy of the answer at every step, averaged over the steps and over the weighted
 * nodes. Asking for the answer after every step, not only the last, teaches the network to move
 * towards it and then stay, which is what lets it run more steps at test time than in training.
 *
 * <ul>
 *   <li>labels: {@code targets [batch, nodes]} int64 class indices, {@code weights [batch, nodes]}
 *       float (1 on the nodes that count)
 *   <li>predictions: one logits array {@code [batch, nodes, classes]} per step
 *   <li>output: a scalar
 * </ul>
 */
public final class StepwiseCrossEntropy extends Loss {
  public StepwiseCrossEntropy() {
    super("stepwise_cross_entropy");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray targets = labels.get(0);
    NDArray weights = labels.get(1);
    NDArray logits = NDArrays.stack(predictions);
    long classes = logits.getShape().get(logits.getShape().dimension() - 1);
    NDArray answerLogProbability = logits.logSoftmax(-1).mul(targets.oneHot((int) classes)).sum(new int[] {-1});
    return answerLogProbability.mul(weights).sum().neg().div(weights.sum().mul(predictions.size()));
  }
}
