package dev.reckon.plugins.transformers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

/**
 * {@link TransformerFlops} against an independent count over the real network: every linear map's
 * weight {@code (out, in)} as initialised in the block, applied at each position it reads (all L
 * positions, the S slots for the read-out) once per use (T uses for the tied layer and, in the
 * recurrent model, for the read-out), and the attention's scores and weighted sums counted
 * multiply-add by multiply-add over heads, queries, keys and head dimensions. Both leave out the
 * same terms: biases, layer norms, softmax, GELU, residual and position additions, the scaling.
 */
class TransformerFlopsTest {
  private static final SlotLayout LAYOUT = new SlotLayout(5, 4, 3);

  @Test
  void aStackCostsWhatItsLayersAndReadOutMultiply() {
    TransformerSettings settings = new TransformerSettings(2, 16, 4, 24, 0, 1, 1, 3, 1e-3, 0, 1, 0);
    long forward = countedForward(settings);
    TransformerFlops flops = new TransformerFlops(LAYOUT, settings);
    assertEquals(forward, flops.forward(0, 1));
    assertEquals(forward, flops.inference(1));
    assertEquals(3 * 3 * forward, flops.trainingUpdate());
  }

  @Test
  void theRecurrentModelCountsEveryApplicationAndReadOut() {
    TransformerSettings settings = new TransformerSettings(1, 8, 2, 12, 3, 4, 1, 5, 1e-3, 0, 1, 0);
    TransformerFlops flops = new TransformerFlops(LAYOUT, settings);
    assertEquals(countedForward(settings), flops.forward(3, 3));
    assertEquals(3 * 5 * countedForward(settings), flops.trainingUpdate());
    // At k applications: the base layer, k tied layers, one read-out.
    assertEquals(flops.layer() * (1 + 7) + flops.readout(), flops.inference(7));
  }

  @Test
  void aComputeBudgetTrainsAsManyUpdatesAsReachIt() {
    TransformerSettings fixed = new TransformerSettings(1, 8, 2, 12, 0, 1, 7, 5, 1e-3, 0, 1, 0);
    assertEquals(7, fixed.updates(300));
    TransformerSettings budget = new TransformerSettings(1, 8, 2, 12, 0, 1, 7, 5, 1e-3, 0, 1, 1000);
    assertEquals(4, budget.updates(300), "3 updates reach 900 FLOPs, the fourth 1200");
    assertEquals(4, budget.updates(250), "exactly 1000 after the fourth");
  }

  /** The training forward pass of one example, 2 FLOPs a multiply-add, counted over the initialised block. */
  private static long countedForward(TransformerSettings settings) {
    int length = LAYOUT.length();
    int heads = settings.heads();
    int headWidth = settings.width() / heads;
    long multiplyAdds = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      SlotTransformer network = new SlotTransformer(LAYOUT, settings);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, length));
      for (Pair<String, Parameter> entry : network.getParameters()) {
        String name = entry.getKey();
        Shape shape = entry.getValue().getArray().getShape();
        boolean linear = name.endsWith("weight") && shape.dimension() == 2;
        if (!linear) {
          continue; // embedding tables (looked up, not multiplied), norms' gains and offsets, biases
        }
        boolean readout = name.contains("readout_");
        long positions = readout ? LAYOUT.maxOutputLength() : length;
        long uses = name.contains("tiedLayer") || (readout && settings.recurrent()) ? settings.steps() : 1;
        multiplyAdds += uses * positions * shape.get(0) * shape.get(1);
        if (name.contains("queryProjection")) {
          long attention = 0;
          for (int head = 0; head < heads; head++) {
            for (int query = 0; query < length; query++) {
              for (int key = 0; key < length; key++) {
                for (int d = 0; d < headWidth; d++) {
                  attention += 2; // q.k for the score, then score x value for the weighted sum
                }
              }
            }
          }
          multiplyAdds += uses * attention;
        }
      }
    }
    return 2 * multiplyAdds;
  }
}
