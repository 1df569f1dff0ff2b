package dev.reckon.plugins.tables;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The three objectives of research note 003 on a free table {@code f} (rows the queries x, columns
 * the keys y), each the mean over a batch of pairs (x_i, y_i). The batch is given as one-hot
 * matrices {@code rows} {@code (B, X)} and {@code keys} {@code (B, Y)}; K seeds' tables, each with
 * its own batch, go at once, stacked on a leading axis.
 */
enum Objective {
  /**
   * Negative log-likelihood of the pair under the joint {@code p(x, y) = e^f(x,y) / sum e^f}: at its
   * optimum {@code f = log p(x, y) + c}, so the softmax of a row over y is p(y|x).
   */
  NLL("nll", "negative log-likelihood of the joint softmax over the whole table") {
    @Override
    NDArray loss(NDArray table, NDArray rows, NDArray keys) {
      NDArray joint = table.reshape(table.getShape().get(0), -1).logSoftmax(1).reshape(table.getShape());
      return picked(joint, rows, keys).mean(new int[] {1}).neg();
    }
  },
  /**
   * Negative pseudo log-likelihood: {@code -log p(y|x) - log p(x|y)}, both conditionals of the same
   * table, a softmax along the row and one along the column; its optimum is the NLL's.
   */
  PSEUDO_NLL("pseudo-nll", "negative pseudo log-likelihood: -log p(y|x) - log p(x|y), softmaxes along the row and the column") {
    @Override
    NDArray loss(NDArray table, NDArray rows, NDArray keys) {
      return picked(table.logSoftmax(2), rows, keys).add(picked(table.logSoftmax(1), rows, keys)).mean(new int[] {1})
          .neg();
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
      NDArray scores = rows.matMul(table).matMul(keys.transpose(0, 2, 1));
      NDArray diagonal = scores.getManager().eye(Math.toIntExact(scores.getShape().get(1)));
      NDArray alongRows = scores.logSoftmax(2).mul(diagonal).sum(new int[] {2});
      NDArray alongColumns = scores.logSoftmax(1).mul(diagonal).sum(new int[] {2});
      // The half is an engine array, not mul(number): DJL frees a number's buffer at once while
      // autograd keeps it for the backward pass.
      return alongRows.add(alongColumns).mean(new int[] {1}).neg().mul(scores.getManager().full(new Shape(), 0.5f));
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
   * Each seed's mean loss over its batch, {@code (K)}.
   *
   * @param table {@code (K, X, Y)} each seed's scores f(x, y)
   * @param rows {@code (K, B, X)} float one-hot: each pair's x
   * @param keys {@code (K, B, Y)} float one-hot: each pair's y
   */
  abstract NDArray loss(NDArray table, NDArray rows, NDArray keys);

  /** {@code (K, B)}: each pair's entry of its seed's {@code table}. */
  private static NDArray picked(NDArray table, NDArray rows, NDArray keys) {
    return rows.matMul(table).mul(keys).sum(new int[] {2});
  }
}
