package dev.reckon.graphnets;

import ai.djl.ndarray.NDArray;

/**
 * Who sends messages to whom: each node's neighbours in a row of slots. {@link NeighbourSlots}
 * lays out a known constraint graph shared by every example; {@link SampledNeighbours} holds a
 * graph a model drew for each example of the batch. A network of K seeds ({@link
 * dev.reckon.kit.SeedAxis}) hands them its K batches of B examples as one batch of {@code K * B}.
 */
public interface Neighbours {
  /**
   * Each node's neighbours' values.
   *
   * @param nodeValues {@code [batch, nodes, features]}
   * @return {@code [batch, nodes, slots, features]}, owned by {@code nodeValues}'s manager
   */
  NDArray gather(NDArray nodeValues);

  /**
   * The sum over each node's real neighbours.
   *
   * @param slotValues {@code [batch, nodes, slots, features]}
   * @return {@code [batch, nodes, features]}
   */
  NDArray sum(NDArray slotValues);
}
