package dev.reckon.plugins.adjacency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.kit.SeedAxis;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Gumbel noise of a network of K seeds' draws ({@link NeighbourDraw#sample}), drawn in Java,
 * slice k from seed k's own generator: a seed draws in a group exactly what it draws alone, which
 * the engine's one generator, dealing its numbers out over the seeds in turn, would not give.
 */
final class GumbelNoise {
  /** Mixed into a seed for its noise's generator, so that it differs from the batch order's. */
  private static final long NOISE = 0x6B1E_D4A3_5EED_0C17L;
  /** The least uniform drawn: it keeps {@code -log(-log u)} finite. */
  private static final double LEAST = 1e-6;

  private final SplittableRandom[] generators;

  GumbelNoise(SeedAxis seeds) {
    generators = IntStream.range(0, seeds.size()).mapToObj(k -> new SplittableRandom(seeds.seed(k) ^ NOISE))
        .toArray(SplittableRandom[]::new);
  }

  /** Standard Gumbel noise {@code -log(-log u)} of {@code shape}, its first axis the seeds, owned by {@code scope}. */
  NDArray next(NDManager scope, Shape shape) {
    float[] noise = new float[Math.toIntExact(shape.size())];
    int perSeed = noise.length / generators.length;
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) -Math.log(-Math.log(generators[i / perSeed].nextDouble(LEAST, 1)));
    }
    return scope.create(noise, shape);
  }
}
