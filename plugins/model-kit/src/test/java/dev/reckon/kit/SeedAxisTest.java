package dev.reckon.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** A network of K seeds: each seed's slice starts, computes and steps as the seed alone would. */
class SeedAxisTest {
  @Test
  void aSeedsInitialWeightsAreTheSameInAGroupOfAnySize() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[][] alone = weights(manager, new SeedAxis(7));
      float[][] grouped = weights(manager, new SeedAxis(3, 7, 11));
      for (int layer = 0; layer < alone.length; layer++) {
        int perSeed = alone[layer].length;
        float[] slice = new float[perSeed];
        System.arraycopy(grouped[layer], perSeed, slice, 0, perSeed);
        assertArrayEquals(alone[layer], slice, "layer " + layer + ": seed 7's slice in a group of three");
      }
      assertThrows(IllegalArgumentException.class, () -> new SeedAxis());
    }
  }

  @Test
  void aStackedLinearLayerIsEachSeedsOwnProduct() {
    try (NDManager manager = NDManager.newBaseManager()) {
      StackedLinear layer = new StackedLinear(new SeedAxis(1, 2), 3, 2, true);
      layer.initialize(manager, DataType.FLOAT32, new Shape(2, 4, 3));
      NDArray x = manager.randomUniform(-1, 1, new Shape(2, 4, 3));
      NDArray y = layer.apply(new ParameterStore(manager, false), x, false);
      NDArray weight = layer.getParameters().get("weight").getArray();
      NDArray bias = layer.getParameters().get("bias").getArray();
      for (int k = 0; k < 2; k++) {
        NDArray expected = x.get(k).matMul(weight.get(k)).add(bias.get(k));
        assertArrayEquals(expected.toFloatArray(), y.get(k).toFloatArray(), 1e-6f, "seed slice " + k);
      }
    }
  }

  @Test
  void eachSeedsGradientIsClippedToItsOwnNorm() {
    try (NDManager manager = NDManager.newBaseManager()) {
      // Seed 0's gradient has norm 5 (clipped to 1), seed 1's norm 0.5 (left alone).
      SequentialBlock block = new SequentialBlock().add(new StackedLinear(new SeedAxis(1, 2), 1, 2, false));
      block.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 1));
      NDArray weight = block.getParameters().valueAt(0).getArray();
      NDArray before = weight.duplicate();
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDArray target = manager.create(new float[] {3, 4, 0.3f, 0.4f}, new Shape(2, 1, 2));
        collector.backward(weight.mul(target).sum());
      }
      Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(1)).build();
      Gradients.stepPerSeed(block, sgd, 1, manager);
      float[] moved = before.sub(weight).toFloatArray();
      assertArrayEquals(new float[] {0.6f, 0.8f, 0.3f, 0.4f}, moved, 1e-5f);
    }
  }

  /** The weights of two stacked layers initialised with {@code axis}, layer by layer. */
  private static float[][] weights(NDManager manager, SeedAxis axis) {
    SequentialBlock block = new SequentialBlock()
        .add(new StackedLinear(axis, 4, 5, true))
        .add(new StackedLayerNorm(axis, 5))
        .add(new StackedLinear(axis, 5, 3, false));
    block.initialize(manager, DataType.FLOAT32, new Shape(axis.size(), 2, 4));
    return block.getParameters().values().stream()
        .map(parameter -> parameter.getArray().toFloatArray())
        .toArray(float[][]::new);
  }
}
