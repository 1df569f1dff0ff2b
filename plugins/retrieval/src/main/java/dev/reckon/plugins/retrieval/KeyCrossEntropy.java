package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Softmax cross-entropy over every key of the deck: the cross-encoder's objective. */
final class KeyCrossEntropy {
  private KeyCrossEntropy() {}

  /**
   * @param scores {@code (B, K)}: every query against every key
   * @param positives {@code (B)} int: the key drawn from each query's answer
   * @return the mean loss, a scalar
   */
  static NDArray of(NDArray scores, NDArray positives) {
    long batch = scores.getShape().get(0);
    int keys = Math.toIntExact(scores.getShape().get(1));
    NDArray targets = positives.oneHot(keys, DataType.FLOAT32);
    return scores.logSoftmax(1).mul(targets).sum().div(-batch);
  }
}
