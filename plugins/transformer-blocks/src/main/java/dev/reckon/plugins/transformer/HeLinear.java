package dev.reckon.plugins.transformer;

import ai.djl.nn.Parameter;
import dev.reckon.kit.SeedAxis;
import dev.reckon.kit.StackedInitializer;
import dev.reckon.kit.StackedLinear;

/**
 * A {@link StackedLinear} that starts as DJL's {@code Linear} started the transformer layers:
 * weights from {@code N(0, 2/in)} (He's; DJL's default) and biases 0, each seed's drawn from its
 * own stream, rather than the kit's {@code +-1/sqrt(in)} uniform (2.4 times narrower).
 */
public final class HeLinear {
  private HeLinear() {}

  /** {@code (K, ..., in) -> (K, ..., out)} with a bias. */
  public static StackedLinear of(SeedAxis axis, long in, long out) {
    StackedLinear linear = new StackedLinear(axis, in, out, true);
    linear.setInitializer(StackedInitializer.normal(axis, Math.sqrt(2.0 / in)), Parameter.Type.WEIGHT);
    linear.setInitializer(StackedInitializer.constant(axis, 0), Parameter.Type.BIAS);
    return linear;
  }
}
