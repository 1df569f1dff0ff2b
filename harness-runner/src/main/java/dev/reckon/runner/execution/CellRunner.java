package dev.reckon.runner.execution;

import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import dev.reckon.runner.Errors;
import dev.reckon.runner.execution.CellOutcome.LevelScore;
import dev.reckon.runner.execution.CellOutcome.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one cell in isolation: whatever the plugin throws, or a NaN loss, or the time limit, ends
 * that cell as failed with the reason, and the run goes on.
 */
public final class CellRunner {
  /** The training curve's point for the growth of the process's resident set while training. */
  public static final String RSS_GROWTH = "rss_growth_mb";

  private final String device;
  private final DatasetCache data;
  private final RunProgress progress;
  private final Duration timeLimit;
  private final Clock clock;
  private final Checkpoints checkpoints;

  public CellRunner(String device, DatasetCache data, RunProgress progress, Duration timeLimit, Clock clock,
      Checkpoints checkpoints) {
    this.checkpoints = checkpoints;
    this.device = device;
    this.data = data;
    this.progress = progress;
    this.timeLimit = timeLimit;
    this.clock = clock;
  }

  /** The outcome, and for a failure the error behind it (for errors.log), else null. */
  public record Result(CellOutcome outcome, Throwable error) {}

  public Result run(PlannedCell cell) {
    CellKey key = cell.key();
    Task task = cell.task().task();
    ModelFactory factory = cell.model().factory();
    long trainSeed = Seeds.trainingData(key.seed(), key.task(), key.trainLevel());
    long modelSeed = Seeds.model(key.seed(), key.model(), key.task(), key.trainLevel());
    if (!factory.supports(task)) {
      return new Result(new CellOutcome(key, Status.SKIPPED, key.model() + " does not support " + task.format()
          + " tasks like " + key.task(), List.of(), List.of(), OptionalInt.empty(), 0, 0, 0, trainSeed, modelSeed,
          clock.instant(), Optional.empty()), null);
    }
    CellTrainingLog log = new CellTrainingLog(progress, System.nanoTime() + timeLimit.toNanos());
    // A daemon thread per cell: a model that ignores the deadline cannot keep the JVM alive.
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cell " + key);
      thread.setDaemon(true);
      return thread;
    });
    Future<CellOutcome> work = worker.submit(() -> {
      ComputeDevice.withoutAutogradOnThisThread();
      return evaluate(cell, log, trainSeed, modelSeed);
    });
    try {
      return new Result(work.get(timeLimit.toNanos() + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS), null);
    } catch (TimeoutException e) {
      work.cancel(true);
      return failed(cell, log, trainSeed, modelSeed, "stopped at the cell time limit of " + timeLimit.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return failed(cell, log, trainSeed, modelSeed, Errors.oneLine(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      work.cancel(true);
      return failed(cell, log, trainSeed, modelSeed, "interrupted", e);
    } finally {
      worker.shutdownNow();
    }
  }

  private CellOutcome evaluate(PlannedCell cell, CellTrainingLog log, long trainSeed, long modelSeed)
      throws IOException {
    CellKey key = cell.key();
    Task task = cell.task().task();
    try (Model model = cell.model().create(new ModelContext(task, cell.config(), modelSeed, device))) {
      long start = System.nanoTime();
      String reason = "";
      if (cell.model().factory().learns()) {
        Optional<Path> saved = checkpoints.source(key);
        if (saved.isPresent()) {
          model.load(saved.get());
          reason = "evaluated from the checkpoint in " + saved.get();
        } else {
          Dataset training = data.get(task, cell.train(), cell.trainSize(), "train", key.seed(), trainSeed);
          try (ResidentMemory resident = new ResidentMemory()) {
            model.train(training, log);
            resident.peakGrowthMegabytes().ifPresent(mb -> log.recordAtLastUpdate(RSS_GROWTH, mb));
          }
          Path folder = checkpoints.saveFolder(key);
          Files.createDirectories(folder);
          model.save(folder);
        }
      }
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      List<LevelScore> scores = new ArrayList<>();
      for (Level level : cell.eval()) {
        long seed = Seeds.evaluationData(key.seed(), key.task(), level.id());
        Dataset answers = data.get(task, level, cell.evalSize(), "eval", key.seed(), seed);
        Predictions predictions = model.predict(answers.withoutAnswers());
        List<Score> levelScores = new ArrayList<>(task.score(answers, predictions));
        levelScores.addAll(predictions.measurements());
        for (Score score : levelScores) {
          scores.add(new LevelScore(level.id(), level.difficulty(), score));
        }
        log.checkDeadline();
      }
      double evalSeconds = (System.nanoTime() - start) / 1e9;
      return new CellOutcome(key, Status.DONE, reason, scores, log.curve(), model.trainedIterations(),
          model.parameterCount(), trainSeconds, evalSeconds, trainSeed, modelSeed, clock.instant(), log.collapse());
    }
  }

  private Result failed(PlannedCell cell, CellTrainingLog log, long trainSeed, long modelSeed, String reason,
      Throwable error) {
    return new Result(new CellOutcome(cell.key(), Status.FAILED, reason, List.of(), log.curve(), OptionalInt.empty(),
        0, 0, 0, trainSeed, modelSeed, clock.instant(), log.collapse()), error);
  }
}
