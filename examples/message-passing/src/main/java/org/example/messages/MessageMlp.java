package org.example.messages;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.reckon.api.Dataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import dev.reckon.api.TrainingLog;
import dev.reckon.api.UpdateMemory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Every node holds a belief over the labels: a given node its label, a blank one the uniform
 * distribution at first. A round feeds each node's given label, its belief and the mean belief of
 * its neighbours to one shared MLP, whose softmax is the blank's next belief. Training unrolls
 * {@code rounds} rounds and counts the cross-entropy on the blanks after every round, so each round
 * learns to improve on the last; prediction may run more rounds than training did.
 */
final class MessageMlp implements Model {
  private static final String CHECKPOINT = "message-mlp.params";
  /** Points of the training curves, so that a short and a long training both draw a curve. */
  private static final int CURVE_POINTS = 20;
  /** Examples a prediction batch: large enough to be quick, small enough for a graph of hundreds of nodes. */
  private static final int PREDICTION_BATCH = 256;

  /** The model's settings, as the factory read them. */
  record Settings(int hidden, int rounds, int updates, int batchSize, double learningRate) {}

  private final Task task;
  private final int labels;
  private final Settings settings;
  private final long seed;
  private final NDManager manager;
  private final SequentialBlock mlp;

  MessageMlp(Task task, int labels, Settings settings, long seed, String device) {
    this.task = task;
    this.labels = labels;
    this.settings = settings;
    this.seed = seed;
    this.manager = NDManager.newBaseManager(Device.fromName(device));
    // The engine's generator draws the initial weights: seeded, the same seed gives the same model.
    manager.getEngine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    this.mlp = new SequentialBlock()
        .add(Linear.builder().setUnits(settings.hidden()).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(labels).build());
    mlp.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    mlp.initialize(manager, DataType.FLOAT32, new Shape(1, 3L * labels));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    LabelledGraphs data = LabelledGraphs.of(training);
    List<int[]> groups = data.bySize();
    SplittableRandom random = new SplittableRandom(seed);
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
    ParameterStore parameters = new ParameterStore(manager, false);
    String trainingMetric = TrainingLog.trainingMetric(task.metrics().get(0).id());
    int every = Math.max(1, settings.updates() / CURVE_POINTS);
    for (int update = 1; update <= settings.updates(); update++) {
      int[] group = groups.get(random.nextInt(groups.size()));
      int[] chosen = IntStream.range(0, settings.batchSize()).map(i -> group[random.nextInt(group.length)]).toArray();
      try (NDManager scope = manager.newSubManager()) {
        NodeBatch batch = NodeBatch.of(scope, data, chosen, labels);
        NDArray loss;
        double memory;
        NDList logits;
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
          logits = rounds(parameters, batch, settings.rounds(), true);
          loss = loss(logits, batch);
          memory = UpdateMemory.megabytes(scope);
          collector.backward(loss);
        }
        for (Pair<String, Parameter> parameter : mlp.getParameters()) {
          NDArray weight = parameter.getValue().getArray();
          try (NDArray gradient = weight.getGradient()) {
            adam.update(parameter.getValue().getId(), weight, gradient);
          }
        }
        if (update % every == 0 || update == settings.updates()) {
          log.record(update, TrainingLog.LOSS, loss.getFloat());
          log.record(update, TrainingLog.UPDATE_MEMORY, memory);
          Predictions predicted = new LabelingPredictions(new int[] {settings.rounds()},
              new int[][][] {labelled(logits.get(logits.size() - 1), data, chosen)});
          Score primary = task.score(data.subset(chosen), predicted).get(0);
          log.record(update, trainingMetric, primary.value());
        }
      }
      log.progress(update, settings.updates());
    }
  }

  /** The logits {@code [batch, nodes, labels]} of each of {@code count} rounds. */
  private NDList rounds(ParameterStore parameters, NodeBatch batch, int count, boolean training) {
    NDArray belief = batch.givens().add(batch.blanks().mul(1f / labels));
    NDList logits = new NDList();
    for (int round = 0; round < count; round++) {
      NDArray input = NDArrays.concat(new NDList(batch.givens(), belief, batch.neighbourMean().matMul(belief)), -1);
      NDArray out = mlp.forward(parameters, new NDList(input), training).singletonOrThrow();
      logits.add(out);
      belief = batch.givens().add(batch.blanks().mul(out.softmax(-1)));
    }
    return logits;
  }

  /**
   * The cross-entropy on the blanks, averaged over blanks and rounds. Every divisor is an array the
   * engine allocates: DJL turns a Java number in {@code div(n)} into an array over a direct buffer
   * and frees it at once, while autograd keeps the divisor for the backward pass, so a garbage
   * collection in between would scale the gradient by whatever that memory then holds, and two
   * trainings at one seed would differ (the conformance kit's same-seed check caught it here).
   */
  private static NDArray loss(NDList logits, NodeBatch batch) {
    NDManager scope = batch.blanks().getManager();
    NDArray blanks = batch.blanks().sum().maximum(scope.full(new Shape(), 1f));
    NDArray total = null;
    for (NDArray round : logits) {
      NDArray nll = round.logSoftmax(-1).mul(batch.targets()).mul(batch.blanks()).sum().neg().div(blanks);
      total = total == null ? nll : total.add(nll);
    }
    return total.div(scope.full(new Shape(), (float) logits.size()));
  }

  /** The labels of {@code chosen} from one round's logits: the given labels kept, each blank its likeliest. */
  private int[][] labelled(NDArray logits, LabelledGraphs data, int[] chosen) {
    long[] best = logits.argMax(-1).toType(DataType.INT64, false).toLongArray();
    int nodes = data.givens()[chosen[0]].length;
    int[][] labelled = new int[chosen.length][];
    for (int b = 0; b < chosen.length; b++) {
      int[] given = data.givens()[chosen[b]];
      labelled[b] = new int[nodes];
      for (int node = 0; node < nodes; node++) {
        labelled[b][node] = given[node] != 0 ? given[node] : (int) best[b * nodes + node] + 1;
      }
    }
    return labelled;
  }

  @Override
  public Predictions predict(Dataset inputs) {
    LabelledGraphs data = LabelledGraphs.of(inputs);
    int[] counts = counts(settings.rounds());
    int[][][] labelled = new int[counts.length][data.size()][];
    ParameterStore parameters = new ParameterStore(manager, false);
    for (int[] group : data.bySize()) {
      for (int start = 0; start < group.length; start += PREDICTION_BATCH) {
        int[] chosen = Arrays.copyOfRange(group, start, Math.min(group.length, start + PREDICTION_BATCH));
        try (NDManager scope = manager.newSubManager()) {
          NDList logits = rounds(parameters, NodeBatch.of(scope, data, chosen, labels), counts[counts.length - 1], false);
          for (int i = 0; i < counts.length; i++) {
            int[][] batch = labelled(logits.get(counts[i] - 1), data, chosen);
            for (int b = 0; b < chosen.length; b++) {
              labelled[i][chosen[b]] = batch[b];
            }
          }
        }
      }
    }
    return new LabelingPredictions(counts, labelled);
  }

  /** 1, 2, 4, ... up to 4T, and T itself: the counts a test-time compute curve needs. */
  static int[] counts(int rounds) {
    return IntStream.concat(IntStream.iterate(1, n -> n < 4 * rounds, n -> n * 2), IntStream.of(rounds, 4 * rounds))
        .distinct().sorted().toArray();
  }

  @Override
  public OptionalInt trainedIterations() {
    return OptionalInt.of(settings.rounds());
  }

  @Override
  public long parameterCount() {
    return mlp.getParameters().values().stream().mapToLong(parameter -> parameter.getArray().size()).sum();
  }

  @Override
  public void save(Path directory) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(CHECKPOINT)))) {
      mlp.saveParameters(out);
    }
  }

  @Override
  public void load(Path directory) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(directory.resolve(CHECKPOINT)))) {
      mlp.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException("not a message-mlp checkpoint: " + directory.resolve(CHECKPOINT), e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
