package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The symmetric InfoNCE loss of CLIP: cross-entropy along the rows and along the columns, each of K
 * seeds' batches on its own.
 */
final class InfoNceLoss {
  private InfoNceLoss() {}

  /**
   * @param scores {@code (K, B, B)}: a seed's query i against the key drawn for its example j; the
   *     matching pairs lie on the diagonal
   * @return each seed's mean of the row and column losses, {@code (K)}
   */
  static NDArray symmetric(NDArray scores) {
    return symmetric(scores, scores.getManager().eye(Math.toIntExact(scores.getShape().get(1))).expandDims(0));
  }

  /**
   * The symmetric loss with every pair of the batch whose key lies in the query's answer counted as
   * a match: each row's (and each column's) target is uniform over its matches, so a key drawn for
   * another query of the batch is no negative when it answers this query too.
   *
   * @param matches {@code (K, B, B)} float, or {@code (1, B, B)} for every seed: 1 where the key
   *     drawn for example j is in the answer of query i (always on the diagonal)
   */
  static NDArray symmetric(NDArray scores, NDArray matches) {
    NDArray rows = KeyCrossEntropy.against(scores, matches.div(matches.sum(new int[] {2}, true)), 2);
    NDArray columns = KeyCrossEntropy.against(scores, matches.div(matches.sum(new int[] {1}, true)), 1);
    return rows.add(columns).div(scores.getManager().full(new Shape(), 2f));
  }
}
