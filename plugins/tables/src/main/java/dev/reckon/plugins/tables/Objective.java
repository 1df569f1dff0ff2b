package dev.reckon.plugins.tables;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The three objectives of research note 003 on a free table {@code f} (rows the queries x, columns
 * the keys y), each the mean over a batch of pairs (x_i, y_i). The batch is given as one-hot
 * matrices {@code rows} {@code (B, X)} and {@code keys} {@code (B, Y)}.
 */
enum Objective {
  /**
   * Negative log-likelihood of the pair under the joint {@code p(x, y) = e^f(x,y) / sum e^f}: at its
   * optimum {@code f = log p(x, y) + c}, so the softmax of a row over y is p(y|x).
   */
  NLL("nll", "negative log-likelihood of the joint softmax over the whole table") {
    @Override
    NDArray loss(NDArray table, NDArray rows, NDArray keys) {
      NDArray joint = table.reshape(-1).logSoftmax(0).reshape(table.getShape());
      return picked(joint, rows, keys).mean().neg();
    }
  },
  /**
   * Negative pseudo log-likelihood: {@code -log p(y|x) - log p(x|y)}, both conditionals of the same
   * table, a softmax along the row and one along the column; its optimum is the NLL's.
   */
  PSEUDO_NLL("pseudo-nll", "negative pseudo log-likelihood: -log p(y|x) - log p(x|y), softmaxes along the row and the column") {
    @Override
    NDArray loss(NDArray table, NDArray rows, NDArray keys) {
      return picked(table.logSoftmax(1), rows, keys).add(picked(table.logSoftmax(0), rows, keys)).mean().neg();
    }
  },
  /**
   * InfoNCE as in CLIP: the batch's (B, B) scores {@code f(x_i, y_j)}, cross-entropy towards the
   * diagonal along the rows and along the columns, averaged. Another pair of the batch with the same
   * y (or x) is a negative all the same, as in CLIP; the optimum is {@code f = log p(x,y) / p(x)p(y)
   * + c}, the PMI.
   */
  INFONCE("infonce", "symmetric InfoNCE over the batch, as CLIP") {
    @Override
    NDArray loss(NDArray table, NDArray rows, NDArray keys) {
      NDArray scores = rows.matMul(table).matMul(keys.transpose());
      NDArray diagonal = scores.getManager().eye(Math.toIntExact(scores.getShape().get(0)));
      NDArray alongRows = scores.logSoftmax(1).mul(diagonal).sum(new int[] {1});
      NDArray alongColumns = scores.logSoftmax(0).mul(diagonal).sum(new int[] {1});
      // The half is an engine array, not mul(number): DJL frees a number's buffer at once while
      // autograd keeps it for the backward pass.
      return alongRows.add(alongColumns).mean().neg().mul(scores.getManager().full(new Shape(), 0.5f));
    }
  };

  private final String id;
  private final String description;

  Objective(String id, String description) {
    this.id = id;
    this.description = description;
  }

  String id() {
    return id;
  }

  String description() {
    return description;
  }

  /**
   * The batch's mean loss, a scalar.
   *
   * @param table {@code (X, Y)} the scores f(x, y)
   * @param rows {@code (B, X)} float one-hot: each pair's x
   * @param keys {@code (B, Y)} float one-hot: each pair's y
   */
  abstract NDArray loss(NDArray table, NDArray rows, NDArray keys);

  /** {@code (B)}: each pair's entry of {@code table}. */
  private static NDArray picked(NDArray table, NDArray rows, NDArray keys) {
    return rows.matMul(table).mul(keys).sum(new int[] {1});
  }
}
