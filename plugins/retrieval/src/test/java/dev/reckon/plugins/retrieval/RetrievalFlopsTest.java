package dev.reckon.plugins.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.reckon.api.Config;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RetrievalFlops} against an independent count over the real initialised networks of one
 * seed: every linear map's weight {@code (1, in, out)} (the attention's query, key and value
 * projections one {@code W x 3W} map) applied at every position of every row it reads in one
 * update's forward pass (B query rows for the contrastive encoder; B x K pair rows for the
 * cross-encoder's layers and score; with segments, B x nq query segments and K x nk key segments
 * of S tokens for the segment layers), the attention's scores and weighted sums counted
 * multiply-add by multiply-add over heads, queries, keys and head dimensions, and the contrastive
 * in-batch scores over B x B x d. An update is 3 forward passes' worth.
 */
class RetrievalFlopsTest {
  private static final TokenLayout LAYOUT = new TokenLayout(9, 5, 3);
  private static final int KEYS = 6;
  private static final int BATCH = 4;
  private static final int HEADS = 2;
  private static final SeedAxis ONE_SEED = new SeedAxis(1);

  @Test
  void theContrastiveEncoderAndInBatchScores() {
    Settings settings = settings(0, 0);
    int dimension = 5;
    long forward;
    try (NDManager manager = NDManager.newBaseManager()) {
      DualEncoder network = new DualEncoder(ONE_SEED, LAYOUT, KEYS, settings, dimension);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, LAYOUT.queryLength()), new Shape(1, KEYS));
      forward = counted(network, settings, name -> name.contains("layer")
          ? new long[] {BATCH, LAYOUT.queryLength()} : new long[] {BATCH, 1});
    }
    forward += (long) BATCH * BATCH * dimension;
    RetrievalFlops flops = RetrievalFlops.contrastive(LAYOUT, KEYS, settings, dimension);
    assertEquals(3 * 2 * forward, flops.trainingUpdate(BATCH));
    assertEquals(flops.query() + 2L * KEYS * dimension, flops.inference());
  }

  @Test
  void theCrossEncoderReadsEveryPair() {
    Settings settings = settings(0, 0);
    long forward;
    try (NDManager manager = NDManager.newBaseManager()) {
      CrossEncoder network = new CrossEncoder(ONE_SEED, LAYOUT, settings);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, LAYOUT.queryLength()),
          new Shape(1, KEYS, LAYOUT.keyLength()));
      long pairs = (long) BATCH * KEYS;
      forward = counted(network, settings, name -> name.contains("layer")
          ? new long[] {pairs, LAYOUT.queryLength() + LAYOUT.keyLength()} : new long[] {pairs, 1});
    }
    RetrievalFlops flops = RetrievalFlops.crossEncoder(LAYOUT, KEYS, settings);
    assertEquals(3 * 2 * forward, flops.trainingUpdate(BATCH));
    assertEquals(flops.trainingUpdate(BATCH), 3 * BATCH * flops.inference());
  }

  @Test
  void theSegmentedCrossEncoderReadsEachSegmentOnce() {
    int segment = 4;
    Settings settings = settings(segment, 2);
    long querySegments = 2; // 5 tokens in segments of 4
    long keySegments = 1; // 3 tokens
    long forward;
    try (NDManager manager = NDManager.newBaseManager()) {
      CrossEncoder network = new CrossEncoder(ONE_SEED, LAYOUT, settings);
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, LAYOUT.queryLength()),
          new Shape(1, KEYS, LAYOUT.keyLength()));
      long pairs = (long) BATCH * KEYS;
      forward = counted(network, settings, name -> {
        if (name.contains("segmentLayer")) {
          return new long[] {BATCH * querySegments + KEYS * keySegments, segment};
        }
        return name.contains("layer") ? new long[] {pairs, querySegments + keySegments} : new long[] {pairs, 1};
      });
    }
    RetrievalFlops flops = RetrievalFlops.crossEncoder(LAYOUT, KEYS, settings);
    assertEquals(3 * 2 * forward, flops.trainingUpdate(BATCH));
  }

  private static Settings settings(int segment, int segmentLayers) {
    return RetrievalSettings.CONTRASTIVE.read(new Config(Map.of("width", 8, "layers", 2, "heads", HEADS,
        "feedForward", 12, "batchSize", BATCH, "segment", segment, "segmentLayers", segmentLayers)));
  }

  /** Multiply-adds of one forward pass; {@code rows} gives a weight's {rows, positions a row}. */
  private static long counted(AbstractBlock network, Settings settings,
      java.util.function.Function<String, long[]> rows) {
    long multiplyAdds = 0;
    int headWidth = settings.get(RetrievalSettings.WIDTH) / HEADS;
    for (Pair<String, Parameter> entry : network.getParameters()) {
      String name = entry.getKey();
      Shape shape = entry.getValue().getArray().getShape();
      if (!name.endsWith("weight")) {
        continue; // token and position tables and the key table (looked up), norms, biases
      }
      long[] at = rows.apply(name);
      multiplyAdds += at[0] * at[1] * shape.get(1) * shape.get(2); // (1 seed, in, out)
      if (name.contains("queryKeyValue")) {
        long attention = 0;
        for (int head = 0; head < HEADS; head++) {
          for (long query = 0; query < at[1]; query++) {
            for (long key = 0; key < at[1]; key++) {
              for (int d = 0; d < headWidth; d++) {
                attention += 2; // q.k, then score x value
              }
            }
          }
        }
        multiplyAdds += at[0] * attention;
      }
    }
    return multiplyAdds;
  }
}
