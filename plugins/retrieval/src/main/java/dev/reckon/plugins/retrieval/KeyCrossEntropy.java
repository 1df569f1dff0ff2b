package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Softmax cross-entropy over every key of the deck: the cross-encoder's objective. */
final class KeyCrossEntropy {
  private KeyCrossEntropy() {}

  /**
   * @param scores {@code (B, K)}: every query against every key
   * @param positives {@code (B)} int: the key drawn from each query's answer
   * @return the mean loss, a scalar
   */
  static NDArray of(NDArray scores, NDArray positives) {
    int keys = Math.toIntExact(scores.getShape().get(1));
    return against(scores, positives.oneHot(keys, DataType.FLOAT32), 1);
  }

  /**
   * The same loss in expectation over the drawn positive, with less noise: cross-entropy against
   * the uniform distribution on each query's answer.
   *
   * @param answers {@code (B, K)} float: 1 on each query's answer keys
   */
  static NDArray ofAnswers(NDArray scores, NDArray answers) {
    return against(scores, answers.div(answers.sum(new int[] {1}, true)), 1);
  }

  /**
   * The mean over the batch of the cross-entropy of {@code scores}' softmax along {@code axis}
   * against {@code targets}, distributions along that axis.
   */
  static NDArray against(NDArray scores, NDArray targets, int axis) {
    long batch = scores.getShape().get(0);
    // The divisor is an engine array, not div(number): DJL frees a number's buffer at once while
    // autograd keeps it for the backward pass, where a garbage collection in between corrupts it.
    return scores.logSoftmax(axis).mul(targets).sum().div(scores.getManager().full(new Shape(), -batch));
  }
}
