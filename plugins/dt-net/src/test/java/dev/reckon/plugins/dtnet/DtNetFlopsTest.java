package dev.reckon.plugins.dtnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.reckon.kit.SeedAxis;
import org.junit.jupiter.api.Test;

/**
 * {@link DtNetFlops} against an independent count over the real network: every convolution's
 * weight {@code (out, in, kh, kw)} as initialised in the block, 2 FLOPs a weight at each cell of
 * the grid, once a pass for the recall convolution and the residual blocks' (named so in the
 * block), once a forward pass for the projection and the head. Both leave out the same terms:
 * ReLUs, residual additions, the concatenation.
 */
class DtNetFlopsTest {
  @Test
  void aGridWithRecallCostsWhatItsWeightsMultiply() {
    checkAgainstCount(2, 3, 7, 6, 2, true, 5, 4);
  }

  @Test
  void aStringWithoutRecallCostsWhatItsWeightsMultiply() {
    checkAgainstCount(1, 1, 1, 16, 2, false, 8, 3);
  }

  private static void checkAgainstCount(int dimensions, int channels, int rows, int columns, int labels,
      boolean recall, int width, int passes) {
    long cells = (long) rows * columns;
    DtNetFlops flops = new DtNetFlops(cells, dimensions, channels, width, labels, recall);
    long once = counted(dimensions, channels, rows, columns, labels, recall, width, false);
    long perPass = counted(dimensions, channels, rows, columns, labels, recall, width, true);
    assertEquals(once + passes * perPass, flops.forward(passes));
    long projection = flops.projection();
    // alpha 0: m passes with gradients; the backward pass costs twice the forward.
    assertEquals(7 * 3 * flops.forward(passes), flops.trainingUpdate(7, passes, 0, 0));
    // alpha 1, n = 0: k passes from the projection, all with gradients.
    assertEquals(2 * 3 * flops.forward(2), flops.trainingUpdate(2, 0, 0, 2));
    // n = 2 without gradients (forward only), then k = 1 with them; and the full m passes beside.
    long warm = projection + 2 * perPass;
    long progressive = 3 * (perPass + (once - projection));
    assertEquals(3 * (3 * flops.forward(passes) + warm + progressive), flops.trainingUpdate(3, passes, 2, 1));
  }

  /** The multiply-adds of one example, doubled: those of the recurrent block's weights, or of the others. */
  private static long counted(int dimensions, int channels, int rows, int columns, int labels, boolean recall,
      int width, boolean recurrent) {
    long multiplyAdds = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      DeepThinkingNetwork network = new DeepThinkingNetwork(new SeedAxis(1), dimensions, channels, width, labels, recall);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, channels, rows, columns));
      for (Pair<String, Parameter> entry : network.getParameters()) {
        String name = entry.getKey();
        boolean inBlock = name.contains("recall") || name.contains("residual");
        if (inBlock == recurrent) {
          multiplyAdds += (long) rows * columns * entry.getValue().getArray().size();
        }
      }
    }
    return 2 * multiplyAdds;
  }
}
