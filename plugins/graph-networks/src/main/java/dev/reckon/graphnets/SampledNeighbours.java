package dev.reckon.graphnets;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A graph for each example of a batch ({@link #use} before each forward pass): the graph a model
 * that learns its adjacency drew, {@code k} neighbours a node, or the graphs a task gave each
 * example ({@link GraphBatch}), padded to the batch's largest degree with a mask.
 */
public final class SampledNeighbours implements Neighbours {
  private NDArray flatIndex;
  private Shape shape;
  /** {@code [batch, nodes, slots, 1]} float, 1 on a real neighbour; {@code null} when every slot is real. */
  private NDArray slotMask;

  /**
   * The graph of the next forward passes.
   *
   * @param neighbours {@code [batch, nodes, k]} int64: node {@code i}'s neighbours in example {@code b}
   */
  public void use(NDArray neighbours) {
    use(neighbours, null);
  }

  /**
   * The graph of the next forward passes, some of whose slots are padding.
   *
   * @param neighbours {@code [batch, nodes, slots]} int64: node {@code i}'s neighbours in example {@code b}
   * @param slotMask {@code [batch, nodes, slots, 1]} float, 1 on a real neighbour, 0 on padding
   *     (whose index may be any node of the example); {@code null} when every slot is real
   */
  public void use(NDArray neighbours, NDArray slotMask) {
    requireNonNull(neighbours, "neighbours is null");
    this.slotMask = slotMask;
    shape = neighbours.getShape();
    long batch = shape.get(0);
    long nodes = shape.get(1);
    // Rows of the flattened [batch * nodes, features] values: example b's node j is row b * nodes + j.
    NDArray offsets = neighbours.getManager().arange(0, (int) (batch * nodes), (int) nodes, DataType.INT64)
        .reshape(batch, 1, 1);
    flatIndex = neighbours.add(offsets).reshape(-1);
  }

  @Override
  public NDArray gather(NDArray nodeValues) {
    requireNonNull(flatIndex, "no graph to gather along: call use() first");
    Shape values = nodeValues.getShape();
    return nodeValues.reshape(values.get(0) * values.get(1), values.get(2)).get(new NDIndex("{}", flatIndex))
        .reshape(shape.get(0), shape.get(1), shape.get(2), values.get(2));
  }

  @Override
  public NDArray sum(NDArray slotValues) {
    NDArray real = slotMask == null ? slotValues : slotValues.mul(slotMask);
    return real.sum(new int[] {2});
  }
}
