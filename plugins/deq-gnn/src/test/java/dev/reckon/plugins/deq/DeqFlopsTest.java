package dev.reckon.plugins.deq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.graphnets.GraphNetworkFlops;
import dev.reckon.graphnets.RecurrentRelationalNetwork;
import dev.reckon.kit.SeedAxis;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DeqFlops} against an independent count of a real solve: the real network's step applied
 * by the real {@link FixedPointSolver} to a batch, the map's calls counted as they happen (each a
 * step on every puzzle of the batch), Anderson's Gram matrix and mix counted from the calls (the
 * history holding min(call, m) entries) and the state's shape, and the step, encoder, read-out and
 * positions counted from the initialised block's weight shapes as in GraphNetworkFlopsTest.
 */
class DeqFlopsTest {
  private static final ConstraintGraph GRAPH = new ConstraintGraph(5,
      List.of(new int[] {0, 1, 2}, new int[] {2, 3}, new int[] {3, 4, 0}));
  private static final int LABELS = 3;
  private static final int HIDDEN = 6;
  private static final int BATCH = 4;
  private static final int MEMORY = 3;
  private static final int GRADIENT_STEPS = 2;

  @Test
  void anUpdateIsChargedTheEvaluationsItsSolveRan() {
    try (NDManager manager = NDManager.newBaseManager()) {
      RecurrentRelationalNetwork network =
          new RecurrentRelationalNetwork(new SeedAxis(1), GRAPH, LABELS, HIDDEN, HIDDEN, 3, 1, manager);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, BATCH, GRAPH.nodes()));
      ParameterStore store = new ParameterStore(manager, false);
      NDArray givens = manager.create(new long[] {0, 1, 2, 3, 0, 3, 0, 0, 1, 2, 0, 0, 0, 0, 0, 2, 2, 1, 0, 3},
          new Shape(1, BATCH, GRAPH.nodes()));
      NDArray features = network.encode(store, givens, false);
      int[] calls = {0};
      long[] anderson = {0};
      FixedPointSolver solver = new FixedPointSolver(MEMORY, 40, 1e-3);
      FixedPointSolver.Solution solution = solver.solve((h, scope) -> {
        calls[0]++;
        features.tempAttach(scope);
        return network.step(store, h.expandDims(0), features, false).squeeze(0);
      }, features.zerosLike().squeeze(0), (evaluations, answer, residuals) -> {
        long d = answer.getShape().size() / BATCH;
        long n = Math.min(evaluations, MEMORY);
        anderson[0] += BATCH * (n * d * n + n * d); // G G^T, then a^T F, multiply-adds
      });
      assertEquals(Arrays.stream(solution.evaluations()).max().orElseThrow(), calls[0]);

      long[] counted = counted(network); // encoder, step, readout, positions: multiply-adds
      long solve = BATCH * (counted[0] + calls[0] * counted[1]) + anderson[0] + counted[3];
      for (boolean penalty : new boolean[] {false, true}) {
        long steps = GRADIENT_STEPS + (penalty ? 1 : 0);
        long gradient = 3 * (BATCH * (counted[0] + steps * counted[1] + counted[2]) + counted[3]);
        DeqFlops flops = new DeqFlops(GraphNetworkFlops.onGraph(GRAPH, LABELS, HIDDEN, HIDDEN, 3), MEMORY,
            GRADIENT_STEPS, penalty);
        assertEquals(2 * (solve + gradient), flops.trainingUpdate(BATCH, calls[0]));
      }
    }
  }

  @Test
  void plainIterationHasNoMixingAndAPuzzleIsChargedWhatItNeededUpToTheCap() {
    GraphNetworkFlops network = GraphNetworkFlops.onGraph(GRAPH, LABELS, HIDDEN, HIDDEN, 3);
    DeqFlops plain = new DeqFlops(network, 0, 1, false);
    assertEquals(0, plain.anderson(30));
    assertEquals(network.encoder() + 4 * network.step() + network.readout(), plain.inference(4, 9));
    assertEquals(network.encoder() + 3 * network.step() + network.readout(), plain.inference(4, 3));
  }

  /** {encoder, step, read-out} of one example and the positions of a batch, in multiply-adds. */
  private static long[] counted(RecurrentRelationalNetwork network) {
    int slots = 0;
    for (int node = 0; node < GRAPH.nodes(); node++) {
      slots = Math.max(slots, GRAPH.neighbours(node).length);
    }
    long[] counts = new long[4];
    for (Pair<String, Parameter> entry : network.getParameters()) {
      String name = entry.getKey();
      Shape shape = entry.getValue().getArray().getShape();
      if (name.endsWith("groupEmbedding")) {
        counts[3] += (long) GRAPH.nodes() * shape.get(1) * shape.get(2);
      } else if (name.endsWith("weight") && shape.dimension() == 3) {
        // One seed's linear map (1, in, out).
        long positions = name.contains("edge") ? (long) GRAPH.nodes() * slots : GRAPH.nodes();
        int part = name.contains("encoder") ? 0 : name.contains("step") ? 1 : 2;
        counts[part] += positions * shape.get(1) * shape.get(2);
      }
    }
    return counts;
  }
}
