package dev.reckon.plugins.deq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Random directions of independent +-1 entries (Rademacher), drawn in Java from the model's seed.
 * Their covariance is the identity, which is all the Jacobian estimates need; and they are the
 * same at the same seed, which the engine's normal sampler was not: at one seed, one run in five
 * drew a different direction.
 */
final class RandomSigns {
  private final SplittableRandom random;

  RandomSigns(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A {@code shape} array of +-1, owned by {@code manager}. */
  NDArray next(NDManager manager, Shape shape) {
    float[] signs = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < signs.length; i++) {
      signs[i] = random.nextBoolean() ? 1 : -1;
    }
    return manager.create(signs, shape);
  }
}
