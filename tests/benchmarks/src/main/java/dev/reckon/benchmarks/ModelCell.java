package dev.reckon.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;

/**
 * What the training-update benchmarks share: a plugin model's cell (its factory, task, settings and
 * training data), trained afresh through the plugin's own {@code train}, alone or as a group of
 * seeds trained at once, and the 512 x 512 matrix product on the same engine, 2 x 512^3 = 268
 * MFLOP, to read the model's time against.
 */
public abstract class ModelCell extends EngineBenchmark {
  private ModelFactory factory;
  private Task task;
  private Config settings;
  /** Seed k + 1's training set: one for a model alone, one per seed of a group. */
  private List<Dataset> data;
  private NDArray left;
  private NDArray right;

  /**
   * Opens the engine and keeps the cell; prints the model's parameters and its FLOPs an update as
   * its own {@code training_flops} curve counts them, from one training run of the cell. Call it from
   * the trial set-up.
   */
  protected void openCell(String name, ModelFactory factory, Task task, Config settings, Dataset data) {
    openCell(name, factory, task, settings, List.of(data));
  }

  /**
   * As {@link #openCell(String, ModelFactory, Task, Config, Dataset)} for a group of seeds 1 to K
   * ({@link #trainFreshGroup}), seed k on {@code data.get(k - 1)}; the printout is seed 1's.
   */
  protected void openCell(String name, ModelFactory factory, Task task, Config settings, List<Dataset> data) {
    openEngine(1);
    this.factory = factory;
    this.task = task;
    this.settings = settings;
    this.data = List.copyOf(data);
    double[] flops = new double[1];
    try (Model model = factory.create(new ModelContext(task, settings, 1, "cpu"))) {
      model.train(data.get(0), (update, metric, value) -> {
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

  /**
   * A fresh group of the cell's seeds, 1 to K, trained at once ({@link ModelFactory#createGroup}),
   * each on its own training set; K, for JMH to consume.
   */
  protected int trainFreshGroup() {
    List<ModelContext> contexts = LongStream.rangeClosed(1, data.size())
        .mapToObj(seed -> new ModelContext(task, settings, seed, "cpu")).toList();
    TrainingLog ignored = (update, metric, value) -> {};
    try (SeedGroup group = factory.createGroup(contexts).orElseThrow()) {
      group.train(data, contexts.stream().map(context -> ignored).toList());
    }
    return data.size();
  }

  /** One 512 x 512 by 512 x 512 float product. */
  protected float product() {
    left.tempAttach(invocation);
    return left.matMul(right).getFloat(0, 0);
  }
}
