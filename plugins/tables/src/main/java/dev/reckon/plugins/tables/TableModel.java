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
    RetrievalDataset data = retrieval(training);
    if (!data.hasAnswers()) {
      throw new IllegalArgumentException("a training set needs its answers");
    }
    rows = new QueryRows(Arrays.asList(data.queries()));
    table = new double[rows.size()][data.keys()];
    int[] exampleRows = Arrays.stream(data.queries()).mapToInt(rows::of).toArray();
    int batchSize = settings.get(TableSettings.BATCH_SIZE);
    AnswerSampler sampler = new AnswerSampler(data.answers(), batchSize, new SplittableRandom(seed));
    long perUpdate = TableFlops.trainingUpdate(objective, batchSize, table.length, data.keys());
    int logEvery = settings.get(TableSettings.LOG_EVERY);
    Cadence cadence = new Cadence(settings.get(TableSettings.UPDATES), logEvery, logEvery);
    TrainingLoop.run(manager, cadence, log, (scope, update) -> {
      AnswerSampler.Batch batch = sampler.next();
      int[] batchRows = Arrays.stream(batch.examples()).map(example -> exampleRows[example]).toArray();
      NDArray loss = step(scope, batchRows, batch.answers(), TableSettings.stepSize(settings, update));
      // A table's update holds no network whose memory the efficiency board would compare.
      return new UpdateOutcome(loss, Double.NaN, perUpdate) {
        @Override
        public boolean measuresMemory() {
          return false;
        }
      };
    });
  }

  /** One SGD update on a batch, its arrays in {@code scope}; returns the batch's loss before it. */
  private NDArray step(NDManager scope, int[] batchRows, int[] batchKeys, double stepSize) {
    int keys = table[0].length;
    float[] flat = new float[table.length * keys];
    for (int row = 0; row < table.length; row++) {
      for (int key = 0; key < keys; key++) {
        flat[row * keys + key] = (float) table[row][key];
      }
    }
    NDArray scores = scope.create(flat, new Shape(table.length, keys));
    scores.setRequiresGradient(true);
    NDArray loss;
    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
      loss = objective.loss(scores, scope.create(batchRows).oneHot(table.length), scope.create(batchKeys).oneHot(keys));
      collector.backward(loss);
    }
    float[] gradient = scores.getGradient().toFloatArray();
    for (int row = 0; row < table.length; row++) {
      for (int key = 0; key < keys; key++) {
        table[row][key] -= stepSize * gradient[row * keys + key];
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
