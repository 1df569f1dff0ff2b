package dev.reckon.plugins.deq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random directions of independent +-1 entries (Rademacher), drawn in Java from the model's seed.
 * Their covariance is the identity, which is all the Jacobian estimates need; and they are the
 * same at the same seed, which the engine's normal sampler was not: at one seed, one run in five
 * drew a different direction. A network of K seeds draws slice k of each direction from seed k's
 * generator, so that a seed's directions are those it draws alone.
 */
final class RandomSigns {
  private final SplittableRandom[] randoms;

  /** @param seeds one seed per slice of the seed axis */
  RandomSigns(long... seeds) {
    this.randoms = Arrays.stream(seeds).mapToObj(SplittableRandom::new).toArray(SplittableRandom[]::new);
  }

  /** A {@code shape} array of +-1, its first axis the seeds, owned by {@code manager}. */
  NDArray next(NDManager manager, Shape shape) {
    float[] signs = new float[Math.toIntExact(shape.size())];
    int perSeed = signs.length / randoms.length;
    for (int i = 0; i < signs.length; i++) {
      signs[i] = randoms[i / perSeed].nextBoolean() ? 1 : -1;
    }
    return manager.create(signs, shape);
  }
}
