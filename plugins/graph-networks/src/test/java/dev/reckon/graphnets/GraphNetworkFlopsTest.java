package dev.reckon.graphnets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.kit.SeedAxis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GraphNetworkFlops} against an independent count over the real network: every linear
 * map's weight {@code (1, in, out)} (one seed's) as initialised in the block, applied at each
 * node it reads (each node's every neighbour slot for the edge layers, the slots being the
 * largest degree counted here from the graph), once for the encoder and once a step for the step's layers and the
 * read-out; and the position product, the membership {@code [N, G]} times the group table as
 * initialised, once a forward pass. Both leave out the same terms: biases, the per-edge add and
 * ReLU, the sums over slots, the GRU's gates, the embedding lookups.
 */
class GraphNetworkFlopsTest {
  /** Irregular: degrees 4, 2, 3, 3, 2, so node 1 and node 4 have padding slots. */
  private static final ConstraintGraph GRAPH = new ConstraintGraph(5,
      List.of(new int[] {0, 1, 2}, new int[] {2, 3}, new int[] {3, 4, 0}));
  private static final int LABELS = 3;

  @Test
  void aStepWithEdgeLayersCostsWhatItsWeightsMultiply() {
    checkAgainstCount(6, 5, 4, 3, 7);
  }

  @Test
  void theTwoLayerMessageHasNoPerEdgeLayer() {
    checkAgainstCount(8, 8, 2, 2, 4);
  }

  private static void checkAgainstCount(int hidden, int width, int layers, int steps, int batch) {
    GraphNetworkFlops flops = GraphNetworkFlops.onGraph(GRAPH, LABELS, hidden, width, layers);
    long[] counted = counted(hidden, width, layers, steps);
    long perExample = counted[0];
    long perBatch = counted[1];
    assertEquals(perExample, flops.forward(steps, steps));
    assertEquals(3 * (batch * perExample + perBatch), flops.trainingUpdate(batch, steps));
    // At k steps: the encoder, k steps, one read-out.
    assertEquals(flops.encoder() + 9 * flops.step() + flops.readout(), flops.inference(9));
  }

  /** {training forward of one example, the per-batch position product}, 2 FLOPs a multiply-add. */
  private static long[] counted(int hidden, int width, int layers, int steps) {
    int slots = 0;
    for (int node = 0; node < GRAPH.nodes(); node++) {
      slots = Math.max(slots, GRAPH.neighbours(node).length);
    }
    long multiplyAdds = 0;
    long perBatch = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      RecurrentRelationalNetwork network =
          new RecurrentRelationalNetwork(new SeedAxis(1), GRAPH, LABELS, hidden, width, layers, steps, manager);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, GRAPH.nodes()));
      for (Pair<String, Parameter> entry : network.getParameters()) {
        String name = entry.getKey();
        Shape shape = entry.getValue().getArray().getShape();
        if (name.endsWith("groupEmbedding")) {
          perBatch += (long) GRAPH.nodes() * shape.get(1) * shape.get(2);
          continue;
        }
        // One seed's weights: (1, in, out).
        boolean linear = name.endsWith("weight") && shape.dimension() == 3;
        if (!linear) {
          continue; // the value table (looked up), biases
        }
        long positions = name.contains("edge") ? (long) GRAPH.nodes() * slots : GRAPH.nodes();
        long uses = name.contains("encoder") ? 1 : steps;
        multiplyAdds += uses * positions * shape.get(1) * shape.get(2);
      }
    }
    return new long[] {2 * multiplyAdds, 2 * perBatch};
  }
}
