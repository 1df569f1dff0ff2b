package dev.reckon.plugins.tables;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.reckon.api.Dataset;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.TrainingLog;
import dev.reckon.kit.AnswerSampler;
import dev.reckon.kit.Cadence;
import dev.reckon.kit.Settings;
import dev.reckon.kit.TrainingLoop;
import dev.reckon.kit.UpdateOutcome;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A free table of scores f(query, key), one row per training query ({@link QueryRows}), trained by
 * plain SGD on one {@link Objective}; its row is its score of every key. It starts at 0 (every row
 * uniform); the seed orders the batches: shuffled passes over the training examples, each pair's key
 * drawn from the example's answer (on the known joints, the one y drawn with x).
 *
 * <p>The table is held in Java, in double precision; each update hands it to the engine as a fresh
 * array whose gradient autograd computes, so the step itself is plain arithmetic and never an
 * in-place change of an array autograd watches. Not a DJL network, so not the kit's {@code
 * NetworkModel}: there is no block to build, initialise or save in DJL's format, and the checkpoint
 * is the table itself. It trains in the kit's {@link TrainingLoop}, its batches from an {@link
 * AnswerSampler}.
 *
 * <p>Compute ({@link TableFlops}): {@link TrainingLog#TRAINING_FLOPS} after every update's step, and
 * {@link Predictions#INFERENCE_FLOPS} of a look-up, 0.
 *
 * <p>Checkpoint: {@value #CHECKPOINT}, a first line naming the model, then one line per row: the
 * query's tokens, a tab, the row's scores.
 */
final class TableModel implements Model {
  static final String CHECKPOINT = "table-scores.tsv";

  private final String id;
  private final Objective objective;
  private final Settings settings;
  private final long seed;
  private final NDManager manager;
  private QueryRows rows;
  private double[][] table;

  TableModel(String id, Objective objective, Settings settings, ModelContext context) {
    this.id = requireNonNull(id, "id is null");
    this.objective = requireNonNull(objective, "objective is null");
    this.settings = requireNonNull(settings, "settings is null");
    seed = context.seed();
    manager = NDManager.newBaseManager(Device.fromName(context.device()));
  }

  @Override
  public void train(Dataset training, TrainingLog log) {
    train(List.of(this), List.of(training), List.of(log));
  }

  /**
   * Trains each of {@code models} (K seeds of one variant) on its own training set, its curve to its
   * own log: at once, the K tables stacked in each engine call, when their tables have the same
   * rows and keys; else one by one. Each seed's batches and steps are those of its run alone.
   */
  static void train(List<TableModel> models, List<Dataset> training, List<TrainingLog> logs) {
    List<int[]> exampleRows = new ArrayList<>();
    List<AnswerSampler> samplers = new ArrayList<>();
    for (int k = 0; k < models.size(); k++) {
      TableModel model = models.get(k);
      RetrievalDataset data = model.retrieval(training.get(k));
      if (!data.hasAnswers()) {
        throw new IllegalArgumentException("a training set needs its answers");
      }
      model.rows = new QueryRows(Arrays.asList(data.queries()));
      model.table = new double[model.rows.size()][data.keys()];
      exampleRows.add(Arrays.stream(data.queries()).mapToInt(model.rows::of).toArray());
      samplers.add(new AnswerSampler(data.answers(), model.settings.get(TableSettings.BATCH_SIZE),
          new SplittableRandom(model.seed)));
    }
    TableModel first = models.get(0);
    boolean alike = models.stream().allMatch(model -> model.table.length == first.table.length
        && model.table[0].length == first.table[0].length);
    if (!alike) {
      for (int k = 0; k < models.size(); k++) {
        train(List.of(models.get(k)), List.of(training.get(k)), List.of(logs.get(k)));
      }
      return;
    }
    Settings settings = first.settings;
    int batchSize = settings.get(TableSettings.BATCH_SIZE);
    long perUpdate = TableFlops.trainingUpdate(first.objective, batchSize, first.table.length, first.table[0].length);
    int logEvery = settings.get(TableSettings.LOG_EVERY);
    Cadence cadence = new Cadence(settings.get(TableSettings.UPDATES), logEvery, logEvery);
    TrainingLoop.run(first.manager, cadence, logs, (scope, update) -> {
      int[][] batchRows = new int[models.size()][];
      int[][] batchKeys = new int[models.size()][];
      for (int k = 0; k < models.size(); k++) {
        AnswerSampler.Batch batch = samplers.get(k).next();
        int[] rowOf = exampleRows.get(k);
        batchRows[k] = Arrays.stream(batch.examples()).map(example -> rowOf[example]).toArray();
        batchKeys[k] = batch.answers();
      }
      NDArray loss = step(models, scope, batchRows, batchKeys, TableSettings.stepSize(settings, update));
      // A table's update holds no network whose memory the efficiency board would compare.
      return new UpdateOutcome(loss, Double.NaN, perUpdate) {
        @Override
        public boolean measuresMemory() {
          return false;
        }
      };
    });
  }

  /**
   * One SGD update of each model's table on its batch, the K tables in one engine array, its arrays
   * in {@code scope}; returns each table's loss before it, {@code (K)}.
   */
  private static NDArray step(List<TableModel> models, NDManager scope, int[][] batchRows, int[][] batchKeys,
      double stepSize) {
    int seeds = models.size();
    int rows = models.get(0).table.length;
    int keys = models.get(0).table[0].length;
    float[] flat = new float[seeds * rows * keys];
    for (int k = 0; k < seeds; k++) {
      double[][] table = models.get(k).table;
      for (int row = 0; row < rows; row++) {
        for (int key = 0; key < keys; key++) {
          flat[(k * rows + row) * keys + key] = (float) table[row][key];
        }
      }
    }
    NDArray scores = scope.create(flat, new Shape(seeds, rows, keys));
    scores.setRequiresGradient(true);
    NDArray loss;
    try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
      loss = models.get(0).objective.loss(scores, scope.create(batchRows).oneHot(rows),
          scope.create(batchKeys).oneHot(keys));
      collector.backward(loss.sum());
    }
    float[] gradient = scores.getGradient().toFloatArray();
    for (int k = 0; k < seeds; k++) {
      double[][] table = models.get(k).table;
      for (int row = 0; row < rows; row++) {
        for (int key = 0; key < keys; key++) {
          table[row][key] -= stepSize * gradient[(k * rows + row) * keys + key];
        }
      }
    }
    return loss;
  }

  @Override
  public RetrievalPredictions predict(Dataset inputs) {
    RetrievalDataset data = retrieval(inputs);
    if (table == null) {
      throw new IllegalStateException(id + " must be trained or loaded before it predicts");
    }
    if (data.keys() != table[0].length) {
      throw new IllegalArgumentException(id + " was trained on " + table[0].length + " keys, not " + data.keys());
    }
    float[][] scores = new float[data.size()][data.keys()];
    for (int example = 0; example < scores.length; example++) {
      int row = rows.of(data.queries()[example]);
      if (row != QueryRows.UNSEEN) {
        for (int key = 0; key < data.keys(); key++) {
          scores[example][key] = (float) table[row][key];
        }
      }
    }
    double perQuery = TableFlops.inference();
    int[] once = {1};
    return new RetrievalPredictions(once, new float[][][] {scores},
        Predictions.inferenceFlops(once, count -> perQuery, data.size()));
  }

  @Override
  public long parameterCount() {
    return table == null ? 0 : (long) table.length * table[0].length;
  }

  @Override
  public void save(Path directory) throws IOException {
    if (table == null) {
      throw new IllegalStateException(id + " has nothing to save before it is trained");
    }
    Files.createDirectories(directory);
    try (BufferedWriter out = Files.newBufferedWriter(directory.resolve(CHECKPOINT), StandardCharsets.UTF_8)) {
      out.write(id + "\n");
      List<int[]> queries = rows.queries();
      for (int row = 0; row < table.length; row++) {
        out.write(Arrays.stream(queries.get(row)).mapToObj(Integer::toString).collect(Collectors.joining(" ")) + "\t"
            + Arrays.stream(table[row]).mapToObj(Double::toString).collect(Collectors.joining(" ")) + "\n");
      }
    }
  }

  @Override
  public void load(Path directory) throws IOException {
    Path file = directory.resolve(CHECKPOINT);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String model = in.readLine();
      if (!id.equals(model)) {
        throw new IOException(file + " holds a checkpoint of " + model + ", not " + id);
      }
      List<int[]> queries = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.split("\t");
        queries.add(Arrays.stream(parts[0].split(" ")).mapToInt(Integer::parseInt).toArray());
        values.add(Arrays.stream(parts[1].split(" ")).mapToDouble(Double::parseDouble).toArray());
      }
      rows = new QueryRows(queries);
      table = values.toArray(double[][]::new);
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a table checkpoint: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  private RetrievalDataset retrieval(Dataset dataset) {
    if (dataset instanceof RetrievalDataset data) {
      return data;
    }
    throw new IllegalArgumentException(id + " reads retrieval datasets, not " + dataset.getClass().getSimpleName());
  }
}
