package dev.reckon.tck;

import static dev.reckon.tck.Checklist.notApplicable;
import static dev.reckon.tck.Checklist.require;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SeedGroup;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The properties of a model on one task it supports: it declines a task of a shape nobody knows,
 * trains and predicts within the runner's boundary rules, reports a finite loss while learning,
 * leaves its training and evaluation data as they were, predicts the same twice at one seed
 * (unless declared otherwise), predicts the same after save and load, learns and scores as a seed
 * of a group of seeds as it does alone (when it trains seeds as one network), and closes. It trains on
 * {@value #TRAINING_EXAMPLES} examples of the task's easiest level and predicts for {@value
 * #EVALUATION_EXAMPLES}: give it settings small enough to train in seconds.
 */
public final class ModelChecks {
  static final int TRAINING_EXAMPLES = 64;
  static final int EVALUATION_EXAMPLES = 16;
  static final long SEED = 11;
  private static final double LOSS_RELATIVE = 1e-4;
  private static final double LOSS_ABSOLUTE = 1e-5;

  private final ModelFactory factory;
  private final Task task;
  private final String taskId;
  private final Config settings;
  private final Checklist list;
  private final PluginChecks.TrainingProgress progress;
  private final List<Model> opened = new ArrayList<>();
  private Level level;
  private Dataset training;
  private Dataset evaluation;
  private Predictions first;

  private ModelChecks(ModelFactory factory, Task task, String taskId, Map<String, ?> settings,
      PluginChecks.TrainingProgress progress, Consumer<Check> sink) {
    this.factory = factory;
    this.task = task;
    this.taskId = taskId;
    this.settings = Config.resolve(factory.settings(), settings);
    this.list = new Checklist("model " + factory.id() + " on " + taskId, sink);
    this.progress = progress;
  }

  /**
   * Checks {@code factory}'s model at {@code settings} (the rest at their defaults) on {@code task}.
   *
   * @param deterministic false for a model that says it predicts differently at one seed (e.g. on
   *     a GPU's nondeterministic kernels): that property is then left out
   */
  public static List<Check> of(ModelFactory factory, Task task, String taskId, Map<String, ?> settings,
      boolean deterministic) {
    return run(factory, task, taskId, settings, deterministic, PluginChecks.TrainingProgress.UNTOLD, check -> { });
  }

  /**
   * As {@link #of}, handing each check to {@code sink} as soon as it is made and telling {@code
   * progress} how each training goes.
   */
  static List<Check> run(ModelFactory factory, Task task, String taskId, Map<String, ?> settings,
      boolean deterministic, PluginChecks.TrainingProgress progress, Consumer<Check> sink) {
    ModelChecks checks = new ModelChecks(factory, task, taskId, settings, progress, sink);
    checks.run(deterministic);
    return checks.list.checks();
  }

  private void run(boolean deterministic) {
    list.check("declines a task of a shape nobody knows, with a reason", this::declinesForeignShape);
    list.check("supports the task it is checked on", () -> {
      Support support = factory.supports(task);
      require(support != null, "supports() returned null");
      require(support.supported(), "it declines: " + support.reason());
    });
    list.check("trains and predicts within the boundary rules", this::trainsAndPredicts);
    if (first == null) {
      return;
    }
    list.check("leaves its training and evaluation data as they were", this::dataUnchanged);
    list.check("same seed, same predictions", () -> {
      if (!deterministic) {
        throw notApplicable("declared nondeterministic");
      }
      DeepEquality.difference(first, underCollections(() -> trainedModel(SEED).predict(evaluation.copy()
          .withoutAnswers()))).ifPresent(where -> {
            throw new Checklist.Broken("two models at seed " + SEED + " predicted differently (the second trained "
                + "and predicted while garbage was collected over and over): " + where);
          });
    });
    list.check("predicts the same after save and load", this::saveAndLoad);
    list.check("a seed trained in a group learns and scores as it does alone", this::seedOfAGroup);
    list.check("closes", () -> {
      for (Model model : opened) {
        model.close();
      }
    });
  }

  /**
   * {@code work}, while another thread asks for one garbage collection after another: native
   * memory a model lets the collector free while the engine still needs it (a Java number on DJL's
   * gradient path, see the plugin guide) is then freed within most updates, so its predictions
   * differ from the first model's almost every time rather than now and then.
   */
  private static <T> T underCollections(Supplier<T> work) {
    AtomicBoolean finished = new AtomicBoolean();
    Thread collector = new Thread(() -> {
      while (!finished.get()) {
        System.gc();
      }
    }, "tck-collections");
    collector.setDaemon(true);
    collector.start();
    try {
      return work.get();
    } finally {
      finished.set(true);
    }
  }

  private void declinesForeignShape() {
    Support support = factory.supports(ForeignShapeTask.INSTANCE);
    require(support != null, "supports() returned null");
    require(!support.supported(), "it accepts a task of the unknown shape '" + ForeignShapeTask.FORMAT.id()
        + "'; a model declines what it cannot read");
  }

  private void trainsAndPredicts() {
    level = task.levels().get(0);
    training = task.generate(level, TRAINING_EXAMPLES, SEED + 1);
    evaluation = task.generate(level, EVALUATION_EXAMPLES, SEED + 2);
    Model model = trainedModel(SEED);
    require(model.parameterCount() >= 0, "parameterCount() is " + model.parameterCount());
    model.trainedIterations().ifPresent(iterations ->
        require(iterations > 0, "trainedIterations() is " + iterations + "; it is the count trained with, above 0"));
    Predictions predictions = model.predict(evaluation.copy().withoutAnswers());
    BoundaryRules.checkPredictions(factory.id(), level.id(), evaluation.withoutAnswers(), predictions, task.metrics());
    BoundaryRules.checkScores(taskId, level.id(), task.score(evaluation, predictions),
        task.metrics());
    first = predictions;
  }

  /** A model at {@code seed}, trained on a copy of the training set when it learns, and kept to be closed. */
  private Model trainedModel(long seed) {
    Model model = factory.create(new ModelContext(task, settings, seed, "cpu"));
    require(model != null, "create returned null");
    opened.add(model);
    if (factory.learns()) {
      CurveCheck curve = new CurveCheck(this);
      model.train(training.copy(), curve);
      curve.requireLoss();
    }
    return model;
  }

  private void dataUnchanged() {
    Dataset trainingCopy = training.copy();
    Dataset inputs = evaluation.copy().withoutAnswers();
    Dataset inputsKept = evaluation.copy().withoutAnswers();
    Model model = factory.create(new ModelContext(task, settings, SEED, "cpu"));
    opened.add(model);
    if (factory.learns()) {
      model.train(trainingCopy, new CurveCheck(this));
      DeepEquality.difference(training, trainingCopy).ifPresent(where -> {
        throw new Checklist.Broken("train() changed its training set: " + where);
      });
    }
    model.predict(inputs);
    DeepEquality.difference(inputsKept, inputs).ifPresent(where -> {
      throw new Checklist.Broken("predict() changed its inputs: " + where);
    });
  }

  private void saveAndLoad() throws IOException {
    Path directory = Files.createTempDirectory("reckon-tck-checkpoint");
    try {
      Model trained = trainedModel(SEED);
      Predictions before = trained.predict(evaluation.copy().withoutAnswers());
      trained.save(directory);
      Model restored = factory.create(new ModelContext(task, settings, SEED + 100, "cpu"));
      opened.add(restored);
      try {
        restored.load(directory);
      } catch (UnsupportedOperationException e) {
        throw notApplicable("it keeps no checkpoint (load is unsupported)");
      }
      DeepEquality.difference(before, restored.predict(evaluation.copy().withoutAnswers())).ifPresent(where -> {
        throw new Checklist.Broken("a model loaded from its checkpoint predicted differently: " + where);
      });
    } finally {
      delete(directory);
    }
  }

  /**
   * Seed {@value #SEED} trained alone and as the middle seed of a group of three ({@link
   * ModelFactory#createGroup}), every seed on the same training set: the same loss curve within
   * float rounding ({@value #LOSS_RELATIVE} relative plus {@value #LOSS_ABSOLUTE}: a group's sums may
   * run in another order), and the same scores within one example in eight on a fraction, that
   * rounding otherwise. A group that gave a seed another's data order, first weights or gradient
   * would be far outside it.
   */
  private void seedOfAGroup() {
    if (!factory.learns()) {
      throw notApplicable("it does not learn");
    }
    List<ModelContext> contexts = LongStream.of(SEED + 3, SEED, SEED + 4)
        .mapToObj(seed -> new ModelContext(task, settings, seed, "cpu")).toList();
    Optional<SeedGroup> made = factory.createGroup(contexts);
    require(made != null, "createGroup returned null");
    if (made.isEmpty()) {
      throw notApplicable("it trains seeds one by one (createGroup gives no group)");
    }
    try (SeedGroup group = made.get()) {
      LossCurve alone = new LossCurve(this);
      Model single = factory.create(contexts.get(1));
      opened.add(single);
      single.train(training.copy(), alone);
      List<LossCurve> curves = List.of(new LossCurve(this), new LossCurve(this), new LossCurve(this));
      group.train(List.of(training.copy(), training.copy(), training.copy()), List.copyOf(curves));
      List<Double> grouped = curves.get(1).losses;
      require(grouped.size() == alone.losses.size(), "as the middle seed of a group it logged " + grouped.size()
          + " losses, alone " + alone.losses.size());
      for (int i = 0; i < grouped.size(); i++) {
        double expected = alone.losses.get(i);
        require(Math.abs(grouped.get(i) - expected) <= LOSS_RELATIVE * Math.abs(expected) + LOSS_ABSOLUTE,
            "loss " + i + " of seed " + SEED + ": " + expected + " alone, " + grouped.get(i) + " in a group");
      }
      Dataset inputs = evaluation.copy().withoutAnswers();
      List<Score> expected = task.score(evaluation, single.predict(inputs.copy()));
      List<Score> actual = task.score(evaluation, group.member(1).predict(inputs.copy()));
      require(expected.size() == actual.size(), "alone it has " + expected.size() + " scores, in a group "
          + actual.size());
      for (int i = 0; i < expected.size(); i++) {
        Score a = expected.get(i);
        Score b = actual.get(i);
        double allowed = fraction(a.metric()) ? 1.0 / 8 : LOSS_RELATIVE * Math.abs(a.value()) + LOSS_ABSOLUTE;
        require(Math.abs(a.value() - b.value()) <= allowed, a.metric() + " at " + a.iterations() + " iterations: "
            + a.value() + " alone, " + b.value() + " as a seed of a group");
      }
    }
  }

  private boolean fraction(String metric) {
    return task.metrics().stream().anyMatch(m -> m.id().equals(metric) && m.unit().equals(Metric.FRACTION));
  }

  /** A training log that tells the checks' progress listener how far the training has come. */
  private abstract static class Told implements TrainingLog {
    private final ModelChecks checks;

    Told(ModelChecks checks) {
      this.checks = checks;
    }

    @Override
    public void progress(int done, int total) {
      checks.progress.trained(checks.list.subject(), done, total);
    }
  }

  /** The loss curve a model logs. */
  private static final class LossCurve extends Told {
    private final List<Double> losses = new ArrayList<>();

    LossCurve(ModelChecks checks) {
      super(checks);
    }

    @Override
    public void record(int update, String metric, double value) {
      if (metric.equals(LOSS)) {
        losses.add(value);
      }
    }
  }

  /** A training log that holds the model to the boundary: safe curve names, a finite loss, reported at least once. */
  private static final class CurveCheck extends Told {
    private boolean lossSeen;

    CurveCheck(ModelChecks checks) {
      super(checks);
    }

    @Override
    public void record(int update, String metric, double value) {
      SafeNames.require("curve", metric);
      if (metric.equals(LOSS)) {
        require(Double.isFinite(value), "the loss at update " + update + " is " + value);
        lossSeen = true;
      }
    }

    void requireLoss() {
      require(lossSeen, "it learns but recorded no '" + LOSS + "' curve while training");
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
