package dev.reckon.tasks.infonce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Level;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoNceConvergenceTaskTest {
  private static final InfoNceConvergenceTask TASK = new InfoNceConvergenceTask();

  @Test
  void levelsAreTheJointsByTheirMutualInformation() {
    assertEquals(List.of("product", "dependent", "dice"), TASK.levels().stream().map(Level::id).toList());
    assertEquals(0, TASK.level("product").difficulty(), 1e-12);
    assertTrue(TASK.level("dependent").difficulty() > 0);
    assertTrue(TASK.level("dice").difficulty() > TASK.level("dependent").difficulty());
  }

  @Test
  void theDiceJointCountsTheRolls() {
    // sum 7 with maximum 4: (3, 4) and (4, 3); sum 2 only with maximum 1.
    assertEquals(2 / 36.0, Joint.DICE.probability(7 - 2, 4 - 1), 1e-15);
    assertEquals(1 / 36.0, Joint.DICE.probability(0, 0), 1e-15);
    assertEquals(0, Joint.DICE.probability(0, 1));
    assertArrayEquals(new double[] {0, 0, 0, 2 / 6.0, 2 / 6.0, 2 / 6.0}, Joint.DICE.conditional(7 - 2), 1e-15);
  }

  @Test
  void onAProductJointThePmiRatioIsUniformAndTheConditionalIsTheMarginal() {
    for (int x = 0; x < Joint.PRODUCT.xs(); x++) {
      double[] uniform = new double[6];
      Arrays.fill(uniform, 1 / 6.0);
      assertArrayEquals(uniform, Joint.PRODUCT.pmiConditional(x), 1e-12);
      assertArrayEquals(new double[] {1 / 21.0, 2 / 21.0, 3 / 21.0, 4 / 21.0, 5 / 21.0, 6 / 21.0},
          Joint.PRODUCT.conditional(x), 1e-12);
    }
  }

  @Test
  void theDataHoldEveryPairInProportionToItsProbability() {
    // 441 = the product joint's total weight, 36 the dice's: three times that is exact.
    assertCounts(Joint.PRODUCT, 3 * 441);
    assertCounts(Joint.DICE, 3 * 36);
    RetrievalDataset dice = TASK.generate(TASK.level("dice"), 1000, 5);
    assertEquals(1000, dice.size());
  }

  @Test
  void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
    for (Level level : TASK.levels()) {
      RetrievalDataset first = TASK.generate(level, 300, 7);
      RetrievalDataset again = TASK.generate(level, 300, 7);
      RetrievalDataset other = TASK.generate(level, 300, 8);
      assertTrue(Arrays.deepEquals(first.queries(), again.queries()));
      assertTrue(Arrays.deepEquals(first.answers(), again.answers()));
      assertFalse(Arrays.deepEquals(first.queries(), other.queries())
          && Arrays.deepEquals(first.answers(), other.answers()));
    }
  }

  @Test
  void theReferenceSolverScoresKlZeroFromTheConditional() {
    for (Level level : TASK.levels()) {
      RetrievalDataset data = TASK.generate(level, 500, 3);
      List<Score> scores = TASK.score(data, TASK.referenceSolver().orElseThrow().solve(data.withoutAnswers()));
      assertEquals(0, value(scores, ConditionalScorer.KL_CONDITIONAL), 1e-6, level.id());
      assertTrue(value(scores, ConditionalScorer.KL_PMI) > 0.01, level.id());
    }
  }

  @Test
  void equalScoresOnTheProductJointAreAsFarFromTheConditionalAsTheMarginalFromUniform() {
    RetrievalDataset data = TASK.generate(TASK.level("product"), 441, 3);
    float[][] equal = new float[data.size()][6];
    List<Score> scores = TASK.score(data, new RetrievalPredictions(new int[] {1}, new float[][][] {equal}));
    double entropy = 0;
    for (int y = 1; y <= 6; y++) {
      entropy -= y / 21.0 * Math.log(y / 21.0);
    }
    assertEquals(Math.log(6) - entropy, value(scores, ConditionalScorer.KL_CONDITIONAL), 1e-6);
    assertEquals(0, value(scores, ConditionalScorer.KL_PMI), 1e-6);
  }

  private static void assertCounts(Joint joint, int count) {
    RetrievalDataset data = TASK.generate(TASK.level(joint.id()), count, 11);
    int[][] counts = new int[joint.xs()][joint.ys()];
    for (int example = 0; example < data.size(); example++) {
      counts[Tokens.x(data.queries()[example][0])][data.answers()[example][0]]++;
    }
    for (int x = 0; x < joint.xs(); x++) {
      for (int y = 0; y < joint.ys(); y++) {
        assertEquals(count * joint.probability(x, y), counts[x][y], 1e-9, "pair " + x + ", " + y);
      }
    }
  }

  private static double value(List<Score> scores, String metric) {
    return scores.stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow().value();
  }
}
