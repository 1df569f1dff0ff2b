package dev.reckon.plugins.trm;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * {@link TrmFlops} against an independent count over the real network of one seed: every linear
 * map's weight {@code (1, in, out)} as initialised in the block, applied at each position it reads (the H channels
 * for the maps across the cells, whose input is the transposed state; the L cells for the maps
 * across the channels and the output head), once for every application of the net (n + 1 a
 * recursion process) or of the head. Both leave out the same terms: norms, gating products,
 * sums, the embeddings (looked up, not multiplied).
 */
class TrmFlopsTest {
  private static final int CELLS = 6;
  private static final int LABELS = 3;

  @Test
  void aRecursionProcessCostsWhatItsWeightsMultiply() {
    checkAgainstCount(Map.of("hidden", 8, "layers", 2, "expansion", 2, "latentSteps", 3, "recursions", 2), 5);
  }

  @Test
  void deeperWiderNetworksAndMoreRecursions() {
    checkAgainstCount(Map.of("hidden", 12, "layers", 3, "expansion", 3, "latentSteps", 1, "recursions", 4), 7);
  }

  private static void checkAgainstCount(Map<String, ?> given, int batch) {
    Settings settings = TrmSettings.DECLARATIONS.read(Config.resolve(TrmSettings.DECLARATIONS.settings(), given));
    long[] counted = counted(settings);
    long recursion = (settings.get(TrmSettings.LATENT_STEPS) + 1L) * counted[0];
    long readout = counted[1];
    TrmFlops flops = TrmFlops.of(CELLS, LABELS, settings);
    assertEquals(recursion, flops.recursion());
    assertEquals(readout, flops.readout());
    int t = settings.get(TrmSettings.RECURSIONS);
    // T - 1 processes forward only, the last and the read-out forward and backward.
    assertEquals(batch * ((t - 1) * recursion + 3 * (recursion + readout)), flops.trainingUpdate(batch));
    // At k supervision steps: k T processes, one read-out.
    assertEquals(9L * t * recursion + readout, flops.inference(9));
  }

  /** {one application of the net, one of the output head} on one example, 2 FLOPs a multiply-add. */
  private static long[] counted(Settings settings) {
    long net = 0;
    long head = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      TinyRecursiveNetwork network = new TinyRecursiveNetwork(new SeedAxis(1), CELLS, LABELS, settings);
      Shape sequence = new Shape(1, 1, CELLS, settings.get(TrmSettings.HIDDEN));
      network.initialize(manager, DataType.FLOAT32, sequence, sequence, sequence);
      for (Pair<String, Parameter> entry : network.getParameters()) {
        String name = entry.getKey();
        Shape shape = entry.getValue().getArray().getShape();
        if (!name.endsWith("weight")) {
          continue; // the token and position tables
        }
        long positions = name.contains("acrossCells") ? settings.get(TrmSettings.HIDDEN) : CELLS;
        long multiplyAdds = positions * shape.size();
        if (name.contains("outputHead")) {
          head += multiplyAdds;
        } else {
          net += multiplyAdds;
        }
      }
    }
    return new long[] {2 * net, 2 * head};
  }
}
