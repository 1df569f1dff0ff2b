package dev.reckon.plugins.retrieval;

import ai.djl.ndarray.NDArray;

/** The symmetric InfoNCE loss of CLIP: cross-entropy along the rows and along the columns. */
final class InfoNceLoss {
  private InfoNceLoss() {}

  /**
   * @param scores {@code (B, B)}: query i against the key drawn for example j; the matching pairs
   *     lie on the diagonal
   * @return the mean of the row and column losses, a scalar
   */
  static NDArray symmetric(NDArray scores) {
    int batch = Math.toIntExact(scores.getShape().get(0));
    NDArray matches = scores.getManager().eye(batch);
    NDArray rows = scores.logSoftmax(1).mul(matches).sum();
    NDArray columns = scores.logSoftmax(0).mul(matches).sum();
    return rows.add(columns).div(-2f * batch);
  }
}
