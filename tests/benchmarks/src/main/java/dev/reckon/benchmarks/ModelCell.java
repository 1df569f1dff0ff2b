package dev.reckon.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.util.Locale;

/**
 * What the training-update benchmarks share: a plugin model's cell (its factory, task, settings and
 * training data), trained afresh through the plugin's own {@code train}, and the 512 x 512 matrix
 * product on the same engine, 2 x 512^3 = 268 MFLOP, to read the model's time against.
 */
public abstract class ModelCell extends EngineBenchmark {
  private ModelFactory factory;
  private Task task;
  private Config settings;
  private Dataset data;
  private NDArray left;
  private NDArray right;

  /**
   * Opens the engine and keeps the cell; prints the model's parameters and its FLOPs an update as
   * its own {@code training_flops} curve counts them, from one training run of the cell. Call it from
   * the trial set-up.
   */
  protected void openCell(String name, ModelFactory factory, Task task, Config settings, Dataset data) {
    openEngine(1);
    this.factory = factory;
    this.task = task;
    this.settings = settings;
    this.data = data;
    double[] flops = new double[1];
    try (Model model = factory.create(new ModelContext(task, settings, 1, "cpu"))) {
      model.train(data, (update, metric, value) -> {
        if (metric.equals(TrainingLog.TRAINING_FLOPS)) {
          flops[0] = value / update;
        }
      });
      System.out.printf(Locale.ROOT, "%n%s: %d parameters, %.4g FLOPs an update%n", name, model.parameterCount(),
          flops[0]);
    }
    left = manager.randomUniform(-1, 1, new Shape(512, 512));
    right = manager.randomUniform(-1, 1, new Shape(512, 512));
  }

  /** A fresh model trained on the cell at its settings; its parameter count, for JMH to consume. */
  protected long trainFresh() {
    try (Model model = factory.create(new ModelContext(task, settings, 1, "cpu"))) {
      model.train(data, (update, metric, value) -> {});
      return model.parameterCount();
    }
  }

  /** One 512 x 512 by 512 x 512 float product. */
  protected float product() {
    left.tempAttach(invocation);
    return left.matMul(right).getFloat(0, 0);
  }
}
