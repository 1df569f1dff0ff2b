package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.ExampleOutcomes;
import dev.reckon.api.ExampleScoredTask;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequenceFormat;
import dev.reckon.api.SequencePredictions;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.runner.execution.CellOutcome.LevelOutcomes;
import dev.reckon.runner.plugins.DescribedModel;
import dev.reckon.runner.plugins.DiscoveredModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell evaluates each level once: its scores and their per-example outcomes from one scoring. */
class CellWorkTest {
  private static final String METRIC = "copy_accuracy";
  private static final Level SHORT = new Level("l1", 1, "one token");
  private static final Level LONG = new Level("l2", 2, "two tokens");

  private static final Echo ECHO = new Echo();

  @TempDir
  Path checkpoints;

  @Test
  void eachLevelIsScoredOnceWithItsOutcomes() throws Exception {
    CopyTask task = new CopyTask();
    CellKey key = new CellKey("echo", "copy", SHORT.id(), 1);
    CellWork work = new CellWork(new DiscoveredModel(ECHO, new DescribedModel(ECHO.id(), ECHO.version(),
        ECHO.description(), ECHO.settings(), ECHO.iterationMeaning(), ECHO.learns(), false, Path.of("test.jar")),
        CellWorkTest.class.getClassLoader()), key, new CellWork.Plan(task, SHORT, List.of(SHORT, LONG), 4, 4,
        List.of(), new Checkpoints.ForCell(checkpoints, Optional.empty(), ""),
        new CellTrainingLog("echo", (done, total) -> {}, System.nanoTime() + 60_000_000_000L)), Clock.systemUTC());

    CellOutcome outcome = work.run(new ModelContext(task, Config.empty(), 1, "cpu"));

    assertEquals(2, task.scorings);
    assertEquals(List.of(1.0, 1.0), outcome.scores().stream().map(level -> level.score().value()).toList());
    assertEquals(List.of("l1", "l2"), outcome.examples().outcomes().stream().map(LevelOutcomes::level).toList());
  }

  /** Copy the input; counts the times it scores. */
  private static final class CopyTask implements ExampleScoredTask {
    int scorings;

    @Override
    public SequenceFormat format() {
      return new SequenceFormat(2, 2, 2);
    }

    @Override
    public List<Level> levels() {
      return List.of(SHORT, LONG);
    }

    @Override
    public List<Metric> metrics() {
      return List.of(new Metric(METRIC, Metric.Direction.HIGHER_IS_BETTER, Metric.FRACTION, "outputs copied"));
    }

    @Override
    public Dataset generate(Level level, int count, long seed) {
      int[][] inputs = new int[count][(int) level.difficulty()];
      return new SequenceDataset(2, 2, inputs, inputs);
    }

    @Override
    public List<Score> score(Dataset answers, Predictions predictions, List<ExampleOutcomes> outcomes) {
      scorings++;
      SequenceDataset data = (SequenceDataset) answers;
      int[][] copied = ((SequencePredictions) predictions).tokens()[0];
      BitSet right = new BitSet();
      for (int example = 0; example < data.size(); example++) {
        right.set(example, Arrays.equals(copied[example], data.targets()[example]));
      }
      ExampleOutcomes counted = new ExampleOutcomes(METRIC, 1, data.size(), right);
      outcomes.add(counted);
      return List.of(counted.score());
    }
  }

  /** Gives back its inputs, at one iteration. */
  private static final class Echo implements ModelFactory {
    @Override
    public String id() {
      return "echo";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public Support supports(Task task) {
      return Support.yes();
    }

    @Override
    public Model create(ModelContext context) {
      return inputs -> new SequencePredictions(new int[] {1}, new int[][][] {((SequenceDataset) inputs).inputs()});
    }
  }
}
