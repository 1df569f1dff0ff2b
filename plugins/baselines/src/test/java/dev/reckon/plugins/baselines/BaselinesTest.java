package dev.reckon.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  private final Task sudoku = SudokuTask.ofSide(6);
  private final LabelingDataset minimal = (LabelingDataset) sudoku.generate(sudoku.level("minimal"), 60, 5);

  @Test
  void theOracleSolvesEverything() {
    assertEquals(1.0, value(run(new OracleFactory(), Map.of()), "puzzle_accuracy", 1));
  }

  @Test
  void uniformGuessesAtChance() {
    List<Score> scores = run(new UniformFactory(), Map.of());
    // 60 minimal puzzles have about 1500 blanks: a 1/6 guess lands within +-0.03 of 1/6.
    assertEquals(1 / 6.0, value(scores, "cell_accuracy", 1), 0.03);
    assertEquals(0.0, value(scores, "puzzle_accuracy", 1));
  }

  @Test
  void propagationRisesWithItsBudgetAndSolvesEverythingWithEnough() {
    List<Score> scores = run(new PropagationFactory(), Map.of("maxRounds", 64));
    double previous = -1;
    for (int rounds : new int[] {1, 2, 4, 8, 16, 32, 64}) {
      double accuracy = value(scores, "puzzle_accuracy", rounds);
      assertTrue(accuracy >= previous, rounds + " rounds: " + accuracy + " after " + previous);
      previous = accuracy;
    }
    assertTrue(value(scores, "puzzle_accuracy", 1) < 0.5, "one round solves few minimal puzzles");
    assertEquals(1.0, value(scores, "puzzle_accuracy", 64));
    assertEquals(0.0, value(scores, "violation_rate", 64));
  }

  @Test
  void propagationMakesTheSamePredictionsForTheSameInput() {
    var model = new PropagationFactory().create(context(new PropagationFactory(), Map.of("maxRounds", 8)));
    Predictions first = model.predict(minimal.withoutAnswers());
    Predictions second = model.predict(minimal.withoutAnswers());
    assertArrayEquals(((LabelingPredictions) first).labels(),
        ((LabelingPredictions) second).labels());
    assertArrayEquals(new int[] {1, 2, 4, 8}, first.iterations());
  }

  @Test
  void propagationRunsUpTo64RoundsByDefault() {
    var model = new PropagationFactory().create(context(new PropagationFactory(), Map.of()));
    assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32, 64}, model.predict(minimal.withoutAnswers()).iterations());
  }

  private List<Score> run(ModelFactory factory, Map<String, Object> config) {
    assertEquals(Support.yes(), factory.supports(sudoku));
    Predictions predictions = factory.create(context(factory, config)).predict(minimal.withoutAnswers());
    minimal.check(predictions);
    return sudoku.score(minimal, predictions);
  }

  /** The context the runner makes: the suite's settings resolved against the model's declaration. */
  private ModelContext context(ModelFactory factory, Map<String, Object> config) {
    return new ModelContext(sudoku, Config.resolve(factory.settings(), config), 9, "cpu");
  }

  private static double value(List<Score> scores, String metric, int iterations) {
    return scores.stream().filter(s -> s.metric().equals(metric) && s.iterations() == iterations).findFirst()
        .orElseThrow().value();
  }
}
