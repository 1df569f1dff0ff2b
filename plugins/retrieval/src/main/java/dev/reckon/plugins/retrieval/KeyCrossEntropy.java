package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Softmax cross-entropy over every key of the deck: the cross-encoder's objective. Scores come
 * stacked over K seeds, and each seed gets its own loss: {@code (K)}.
 */
final class KeyCrossEntropy {
  private KeyCrossEntropy() {}

  /**
   * @param scores {@code (K, B, N)}: every query against every key
   * @param positives {@code (K, B)} int: the key drawn from each query's answer
   * @return each seed's mean loss, {@code (K)}
   */
  static NDArray of(NDArray scores, NDArray positives) {
    int keys = Math.toIntExact(scores.getShape().get(2));
    return against(scores, positives.oneHot(keys, DataType.FLOAT32), 2);
  }

  /**
   * The same loss in expectation over the drawn positive, with less noise: cross-entropy against
   * the uniform distribution on each query's answer.
   *
   * @param answers {@code (K, B, N)} float: 1 on each query's answer keys
   */
  static NDArray ofAnswers(NDArray scores, NDArray answers) {
    return against(scores, answers.div(answers.sum(new int[] {2}, true)), 2);
  }

  /**
   * Each seed's mean over its batch of the cross-entropy of {@code scores (K, B, X)}' softmax along
   * {@code axis} (1 or 2) against {@code targets}, distributions along that axis: {@code (K)}.
   */
  static NDArray against(NDArray scores, NDArray targets, int axis) {
    long batch = scores.getShape().get(1);
    // The divisor is an engine array, not div(number): DJL frees a number's buffer at once while
    // autograd keeps it for the backward pass, where a garbage collection in between corrupts it.
    return scores.logSoftmax(axis).mul(targets).sum(new int[] {1, 2})
        .div(scores.getManager().full(new Shape(), -batch));
  }
}
