package dev.reckon.runner.execution;

import dev.reckon.reports.RunFormat;
import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import dev.reckon.runner.execution.CellOutcome.LevelScore;
import dev.reckon.runner.execution.CellOutcome.Status;
import dev.reckon.runner.plugins.DiscoveredModel;
import dev.reckon.tck.BoundaryRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cell's work, in the cell's own process: train the model (or load it), evaluate it on every
 * level, score. The model gets its own copy of every dataset, so nothing it does to its inputs
 * reaches the answers the task scores against; everything it returns passes {@link
 * BoundaryRules} first.
 */
final class CellWork {
  private final DiscoveredModel model;
  private final Task task;
  private final CellKey key;
  private final Clock clock;

  CellWork(DiscoveredModel model, Task task, CellKey key, Clock clock) {
    this.model = model;
    this.task = task;
    this.key = key;
    this.clock = clock;
  }

  CellOutcome run(ModelContext context, Level train, List<Level> eval, int trainSize, int evalSize,
      Checkpoints checkpoints, CellTrainingLog log) throws IOException {
    long trainSeed = Seeds.trainingData(key.seed(), key.task(), key.trainLevel());
    List<Metric> metrics = task.metrics();
    if (model.factory().learns()) {
      ComputeDevice.withoutAutogradOnThisThread();
    }
    try (Model instance = model.create(context)) {
      long start = System.nanoTime();
      String reason = "";
      if (model.factory().learns()) {
        Optional<Path> saved = checkpoints.source(key);
        if (saved.isPresent()) {
          instance.load(saved.get());
          reason = "evaluated from the checkpoint in " + saved.get();
        } else {
          Dataset training = task.generate(train, trainSize, trainSeed);
          try (ResidentMemory resident = new ResidentMemory()) {
            instance.train(training.copy(), log);
            resident.peakGrowthMegabytes().ifPresent(mb -> log.recordAtLastUpdate(RunFormat.RSS_GROWTH, mb));
          }
          Path folder = checkpoints.saveFolder(key);
          Files.createDirectories(folder);
          instance.save(folder);
        }
      }
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      List<LevelScore> scores = new ArrayList<>();
      for (Level level : eval) {
        Dataset answers = task.generate(level, evalSize, Seeds.evaluationData(key.seed(), key.task(), level.id()));
        Dataset inputs = answers.withoutAnswers();
        Predictions predictions = instance.predict(inputs.copy());
        BoundaryRules.checkPredictions(key.model(), level.id(), inputs, predictions, metrics);
        List<Score> taskScores = task.score(answers, predictions);
        BoundaryRules.checkScores(key.task(), level.id(), taskScores, metrics);
        List<Score> levelScores = new ArrayList<>(taskScores);
        levelScores.addAll(predictions.measurements());
        for (Score score : levelScores) {
          scores.add(new LevelScore(level.id(), level.difficulty(), score));
        }
        log.checkDeadline();
      }
      double evalSeconds = (System.nanoTime() - start) / 1e9;
      return new CellOutcome(key, Status.DONE, reason, scores, log.curve(), instance.trainedIterations(),
          instance.parameterCount(), trainSeconds, evalSeconds, trainSeed, context.seed(), clock.instant(),
          log.collapse());
    }
  }
}
