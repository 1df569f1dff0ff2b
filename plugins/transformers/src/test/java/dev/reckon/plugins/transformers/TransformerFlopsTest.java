package dev.reckon.plugins.transformers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.reckon.api.Config;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import java.util.Map;
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
    Settings settings = stack(Map.of("layers", 2, "width", 16, "heads", 4, "ffnWidth", 24, "batchSize", 3));
    long forward = countedForward(settings);
    TransformerFlops flops = new TransformerFlops(LAYOUT, settings);
    assertEquals(forward, flops.forward(0, 1));
    assertEquals(forward, flops.inference(1));
    assertEquals(3 * 3 * forward, flops.trainingUpdate());
  }

  @Test
  void theRecurrentModelCountsEveryApplicationAndReadOut() {
    Settings settings = TransformerSettings.RECURRENT.read(new Config(
        Map.of("layers", 1, "width", 8, "heads", 2, "ffnWidth", 12, "steps", 3, "batchSize", 5)));
    TransformerFlops flops = new TransformerFlops(LAYOUT, settings);
    assertEquals(countedForward(settings), flops.forward(3, 3));
    assertEquals(3 * 5 * countedForward(settings), flops.trainingUpdate());
    // At k applications: the base layer, k tied layers, one read-out.
    assertEquals(flops.layer() * (1 + 7) + flops.readout(), flops.inference(7));
  }

  @Test
  void aComputeBudgetTrainsAsManyUpdatesAsReachIt() {
    Settings fixed = stack(Map.of("updates", 7));
    assertEquals(7, TransformerSettings.updates(fixed, 300));
    Settings budget = stack(Map.of("updates", 7, "trainingFlops", 1000.0));
    assertEquals(4, TransformerSettings.updates(budget, 300), "3 updates reach 900 FLOPs, the fourth 1200");
    assertEquals(4, TransformerSettings.updates(budget, 250), "exactly 1000 after the fourth");
  }

  /** The planner's work at a compute budget: the examples it buys, fewer for a larger network. */
  @Test
  void aComputeBudgetPlansAsTheExamplesItBuys() {
    Config budget = new Config(Map.of("trainingFlops", 2.0e11));
    long small = TransformerFactory.small().trainingWork(budget).orElseThrow();
    long large = TransformerFactory.large().trainingWork(budget).orElseThrow();
    long perExample = new TransformerFlops(TransformerFactory.PLANNING_LAYOUT,
        TransformerSettings.SMALL.read(budget)).trainingExample();
    assertEquals((long) Math.ceil(2.0e11 / perExample), small);
    assertTrue(large < small, large + " examples for the large stack, " + small + " for the small");
    assertEquals(2000L * 32, TransformerFactory.small().trainingWork(Config.empty()).orElseThrow(),
        "without a budget: updates x batch size");
  }

  private static Settings stack(Map<String, ?> given) {
    return TransformerSettings.SMALL.read(new Config(given));
  }

  /** The training forward pass of one example, 2 FLOPs a multiply-add, counted over the initialised block. */
  private static long countedForward(Settings settings) {
    int length = LAYOUT.length();
    int heads = settings.get(TransformerSettings.HEADS);
    int headWidth = settings.get(TransformerSettings.WIDTH) / heads;
    long multiplyAdds = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      SlotTransformer network = new SlotTransformer(new SeedAxis(1), LAYOUT, settings);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, length));
      for (Pair<String, Parameter> entry : network.getParameters()) {
        String name = entry.getKey();
        Shape shape = entry.getValue().getArray().getShape();
        // One seed's (1, in, out) weight of a stacked linear map.
        boolean linear = name.endsWith("weight") && shape.dimension() == 3;
        if (!linear) {
          continue; // embedding tables (looked up, not multiplied), norms' gains and offsets, biases
        }
        boolean readout = name.contains("readout_");
        long positions = readout ? LAYOUT.maxOutputLength() : length;
        long uses = name.contains("tiedLayer") || (readout && TransformerSettings.recurrent(settings))
            ? TransformerSettings.steps(settings) : 1;
        multiplyAdds += uses * positions * shape.get(1) * shape.get(2);
        if (name.contains("queryKeyValue")) {
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
