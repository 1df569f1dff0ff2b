package dev.reckon.kit;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;

/**
 * Linear layers with weights drawn uniformly from {@code +-1/sqrt(fanIn)}, PyTorch's default,
 * instead of DJL's default (Gaussian with standard deviation {@code sqrt(2/fanIn)}, 2.4 times
 * wider). The wider start sums a node's many messages into values that saturate the GRU's gates.
 */
public final class LinearLayers {
  private static final XavierInitializer FAN_IN_UNIFORM = new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1);

  private LinearLayers() {}

  /** A linear layer {@code [..., in] -> [..., units]} with a bias. */
  public static Linear of(long units) {
    return of(units, true);
  }

  /** A linear layer {@code [..., in] -> [..., units]}. */
  public static Linear of(long units, boolean bias) {
    Linear linear = Linear.builder().setUnits(units).optBias(bias).build();
    linear.setInitializer(FAN_IN_UNIFORM, Parameter.Type.WEIGHT);
    return linear;
  }
}
