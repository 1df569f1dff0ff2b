package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constants on the gradient's path as scalar arrays the engine allocated, owned by a scope. Not
 * {@code mul(float)} or {@code div(float)}: DJL makes such a number an array over a Java direct
 * buffer and closes it at once, while autograd keeps it as the operand the backward pass multiplies
 * or divides by; a garbage collection between the forward and the backward pass then frees that
 * buffer, and the gradient is scaled by whatever the memory holds by then (a wrong number, 1e16 or
 * NaN): it made deq-gnn-stable differ from run to run at one seed.
 */
public final class EngineScalar {
  private EngineScalar() {}

  /** {@code value} as a float32 scalar owned by {@code scope}. */
  public static NDArray of(NDManager scope, float value) {
    return scope.full(new Shape(), value);
  }

  /** {@code value} as a scalar of {@code type} owned by {@code scope}. */
  public static NDArray of(NDManager scope, double value, DataType type) {
    return scope.full(new Shape(), (float) value, type);
  }

  /** A scalar array's value, whatever its floating-point type. */
  public static double value(NDArray scalar) {
    return scalar.toType(DataType.FLOAT64, false).getDouble();
  }
}
