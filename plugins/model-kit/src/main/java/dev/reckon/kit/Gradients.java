package dev.reckon.kit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimiser's step from the gradients a backward pass left on a block's weights. A gradient
 * accumulates across backward passes only within one {@code GradientCollector}: each new collector
 * starts from zero, so one update is one collector, one backward pass and one step here.
 */
public final class Gradients {
  private Gradients() {}

  /** One step of {@code optimizer} on every weight of {@code block}, from its gradient. */
  public static void step(Block block, Optimizer optimizer) {
    for (Parameter parameter : block.getParameters().values()) {
      NDArray weight = parameter.getArray();
      // A fresh handle on the gradient, owned by the weight's long-lived manager: close it here.
      try (NDArray gradient = weight.getGradient()) {
        optimizer.update(parameter.getId(), weight, gradient);
      }
    }
  }

  /**
   * As {@link #step(Block, Optimizer)}, the whole gradient first clipped to a norm of at most
   * {@code clip} as PyTorch's {@code clip_grad_norm_} does (0: unclipped); the gradients' handles
   * land in {@code scope}, which the caller closes.
   */
  public static void step(Block block, Optimizer optimizer, double clip, NDManager scope) {
    List<Parameter> parameters = new ArrayList<>(block.getParameters().values());
    List<NDArray> gradients = new ArrayList<>();
    for (Parameter parameter : parameters) {
      NDArray gradient = parameter.getArray().getGradient();
      gradient.attach(scope);
      gradients.add(gradient);
    }
    NDArray scale = clipScale(scope, gradients, clip);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray gradient = scale == null ? gradients.get(i) : gradients.get(i).mul(scale);
      optimizer.update(parameters.get(i).getId(), parameters.get(i).getArray(), gradient);
    }
  }

  /** The factor {@code clip / norm} that brings the gradient's norm down to {@code clip}; null when within it or off. */
  private static NDArray clipScale(NDManager scope, List<NDArray> gradients, double clip) {
    if (clip == 0) {
      return null;
    }
    DataType type = gradients.get(0).getDataType();
    NDArray squares = scope.zeros(new Shape(), type);
    for (NDArray gradient : gradients) {
      squares = squares.add(gradient.square().sum());
    }
    double norm = Math.sqrt(EngineScalar.value(squares));
    if (norm <= clip) {
      return null;
    }
    return EngineScalar.of(scope, clip / (norm + 1e-6), type);
  }

  /**
   * As {@link #step(Block, Optimizer, double, NDManager)} for a network of K seeds ({@link
   * SeedAxis}), each weight stacked {@code (K, ...)}: each seed's gradient is clipped to its own
   * norm, as its run alone would be, in the engine without reading the norms back. The optimiser's
   * state is elementwise (Adam's moments), so each seed's slice steps on its own too.
   */
  public static void stepPerSeed(Block block, Optimizer optimizer, double clip, NDManager scope) {
    List<Parameter> parameters = new ArrayList<>(block.getParameters().values());
    List<NDArray> gradients = new ArrayList<>();
    NDArray squares = null;
    for (Parameter parameter : parameters) {
      NDArray gradient = parameter.getArray().getGradient();
      gradient.attach(scope);
      gradients.add(gradient);
      if (clip != 0) {
        NDArray perSeed = gradient.square().reshape(gradient.getShape().get(0), -1).sum(new int[] {1});
        squares = squares == null ? perSeed : squares.add(perSeed);
      }
    }
    // PyTorch's clip_grad_norm_: the factor clip / (norm + 1e-6), never above 1.
    NDArray scale = clip == 0 ? null : squares.sqrt().add(1e-6).pow(-1).mul(clip).minimum(1);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray gradient = gradients.get(i);
      if (scale != null) {
        gradient = gradient.mul(scale.reshape(SeedAxis.seedColumn(gradient.getShape())));
      }
      optimizer.update(parameters.get(i).getId(), parameters.get(i).getArray(), gradient);
    }
  }
}
