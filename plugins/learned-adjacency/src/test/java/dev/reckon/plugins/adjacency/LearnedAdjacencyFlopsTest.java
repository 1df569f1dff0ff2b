package dev.reckon.plugins.adjacency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.InputEncoder;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.graphnets.SampledNeighbours;
import dev.reckon.kit.SeedAxis;
import org.junit.jupiter.api.Test;

/**
 * {@link LearnedAdjacencyFlops} against an independent count over the real sampler and network:
 * every linear map's weight {@code (out, in)} as initialised, applied at every node (every node's
 * k slots for the network's edge layers), the network's step and read-out once a step; the
 * sampler's three attention products counted multiply-add by multiply-add over queries, keys and
 * width; the position product (identity membership times the node table) once a forward pass.
 */
class LearnedAdjacencyFlopsTest {
  private static final int NODES = 6;
  private static final int LABELS = 3;
  private static final int K = 2;
  private static final int HIDDEN = 5;
  private static final int WIDTH = 4;
  private static final int SAMPLER = 7;
  private static final int STEPS = 3;
  private static final int BATCH = 8;

  @Test
  void anUpdateCostsWhatTheSamplerAndTheNetworkMultiply() {
    long sampler = 0;
    long network = 0;
    long positions = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      SeedAxis seed = new SeedAxis(1);
      AdjacencySampler block = new AdjacencySampler(seed, NODES, LABELS, SAMPLER, false);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, NODES));
      for (Pair<String, Parameter> entry : block.getParameters()) {
        Shape shape = entry.getValue().getArray().getShape();
        if (entry.getKey().endsWith("weight")) {
          // One seed's linear map (1, in, out).
          sampler += NODES * shape.get(1) * shape.get(2);
        }
      }
      for (int product = 0; product < 3; product++) { // scores, weighted sum, the head's scores
        for (int query = 0; query < NODES; query++) {
          for (int key = 0; key < NODES; key++) {
            sampler += SAMPLER;
          }
        }
      }
      RecurrentRelationalNetwork rrn = new RecurrentRelationalNetwork(seed,
          InputEncoder.withoutGraph(seed, NODES, LABELS, HIDDEN, manager), new SampledNeighbours(), null, LABELS,
          HIDDEN, WIDTH, 3, STEPS);
      rrn.initialize(manager, DataType.FLOAT32, new Shape(1, 1, NODES));
      for (Pair<String, Parameter> entry : rrn.getParameters()) {
        String name = entry.getKey();
        Shape shape = entry.getValue().getArray().getShape();
        if (name.endsWith("groupEmbedding")) {
          positions += NODES * shape.get(1) * shape.get(2);
        } else if (name.endsWith("weight") && shape.dimension() == 3) {
          // One seed's linear map (1, in, out).
          long at = name.contains("edge") ? NODES * K : NODES;
          long uses = name.contains("encoder") ? 1 : STEPS;
          network += uses * at * shape.get(1) * shape.get(2);
        }
      }
    }
    LearnedAdjacencyFlops flops = new LearnedAdjacencyFlops(
        GraphNetworkFlops.drawn(NODES, K, LABELS, HIDDEN, WIDTH, 3), NODES, SAMPLER);
    assertEquals(2 * sampler, flops.sampler());
    assertEquals(2 * 3 * (BATCH * (sampler + network) + positions), flops.trainingUpdate(BATCH, STEPS));
    assertEquals(flops.sampler() + flops.network().inference(5), flops.inference(5));
  }
}
