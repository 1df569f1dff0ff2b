package dev.reckon.plugins.trm;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * What a tiny recursive model carries from one recursion process to the next, and from one
 * supervision step to the next: the embedded answer y and the latent reasoning z.
 *
 * @param answer y {@code [seeds, batch, cells, hidden]}, which the output head reads
 * @param latent z {@code [seeds, batch, cells, hidden]}
 */
record RecursionState(NDArray answer, NDArray latent) {
  RecursionState {
    requireNonNull(answer, "answer is null");
    requireNonNull(latent, "latent is null");
  }

  /**
   * The state a batch starts from: y and z zero, of {@code shape} {@code [seeds, batch, cells,
   * hidden]}, owned by {@code manager}. The paper starts from two fixed random vectors; zeros need
   * no weights to save, and the first latent update then sees x alone.
   */
  static RecursionState start(NDManager manager, Shape shape) {
    return new RecursionState(manager.zeros(shape), manager.zeros(shape));
  }

  /** The same values cut from the gradient's graph (the paper's detach between supervision steps). */
  RecursionState detached() {
    return new RecursionState(answer.stopGradient(), latent.stopGradient());
  }

  /** Moves both arrays to {@code manager}: what is computed from them lands there. */
  void attach(NDManager manager) {
    answer.attach(manager);
    latent.attach(manager);
  }
}
