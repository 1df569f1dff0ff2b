package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.assertStatus;
import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims of research note 000 on the sequence tasks, and the sanity checks there. */
class SequenceModelClaimsTest {
  @TempDir Path work;

/**
 * A run of the sequence tasks: transformers of two sizes and a recurrent one (T = 4, evaluated at
 * 1 to 16) on shortest-path (trained on the mix h1-4, scored on held-out pairs of 2, 4 and 6 roads)
 * and sorting (trained on lengths 2 to 6), each evaluated at two compute budgets; uniform, the
 * oracle and the classical references beside them. As the note found: at equal compute both
 * non-recurrent models win where the recurrent one beats chance, the probe finds the map, and no
 * model finds most of the longest paths of the lengths trained on (4 roads) at the end of training;
 * nor any of 6 roads, longer than any answer trained on (0 by construction).
 */
private static final class Paths {
  static final int[] RECURRENT = {1, 2, 4, 8, 16};
  static final int[] ONE = {1};
  static final int[] BUDGET_K = {1, 2, 4, 8};
  /** Per level of each task, the larger transformer's accuracy at each budget (1e9, 2e9). */
  final Map<String, double[]> large = new LinkedHashMap<>(Map.of("h1-4", new double[] {0.9, 0.95},
      "h2", new double[] {0.8, 0.9}, "h4", new double[] {0.4, 0.6}, "h6", new double[] {0, 0},
      "n2-6", new double[] {0.9, 1}, "n4", new double[] {0.9, 1}, "n8", new double[] {0.3, 0.5},
      "n12", new double[] {0.1, 0.2}));
  /** The transformer of the recurrent one's width, trained for more updates: a little below the larger one. */
  final Map<String, double[]> small = new LinkedHashMap<>(Map.of("h1-4", new double[] {0.85, 0.9},
      "h2", new double[] {0.7, 0.85}, "h4", new double[] {0.35, 0.5}, "h6", new double[] {0, 0},
      "n2-6", new double[] {0.85, 0.95}, "n4", new double[] {0.85, 0.95}, "n8", new double[] {0.25, 0.45},
      "n12", new double[] {0.1, 0.2}));
  /** The recurrent transformer's accuracy over its counts, at each budget: the best stays below both. */
  final Map<String, double[][]> recurrent = new LinkedHashMap<>(Map.of(
      "h1-4", new double[][] {{0.5, 0.7, 0.8, 0.8, 0.8}, {0.6, 0.8, 0.85, 0.85, 0.85}},
      "h2", new double[][] {{0.3, 0.4, 0.5, 0.5, 0.45}, {0.4, 0.5, 0.6, 0.6, 0.55}},
      "h4", new double[][] {{0.05, 0.1, 0.2, 0.2, 0.15}, {0.1, 0.2, 0.3, 0.3, 0.25}},
      "h6", new double[][] {new double[5], new double[5]},
      "n2-6", new double[][] {{0.6, 0.8, 0.9, 0.9, 0.9}, {0.7, 0.85, 0.9, 0.9, 0.9}},
      "n4", new double[][] {{0.6, 0.8, 0.9, 0.9, 0.9}, {0.7, 0.8, 0.85, 0.85, 0.85}},
      "n8", new double[][] {{0, 0.05, 0.1, 0.1, 0.1}, {0.02, 0.1, 0.2, 0.2, 0.2}},
      "n12", new double[][] {{0, 0, 0.01, 0.01, 0.01}, {0, 0.01, 0.03, 0.03, 0.03}}));
  double[] budgets = {1e9, 2e9};
  /** How many of the budgets the recurrent model reached. */
  int recurrentBudgets = 2;
  double probe = 0.8;
  double control = -0.1;
  /** The larger transformer's accuracy on h4 at the end of training. */
  double largeOnH4 = 0.45;
  double bellmanFordAtFull = 1;
  double uniform = 0;

  RunBuilder builder() {
    RunBuilder run = new RunBuilder("paths-claims").examples(400).trainedWith("recurrent-transformer", 4)
        .trainedWith("bellman-ford", 8);
    for (String task : List.of("shortest-path", "sorting")) {
      String metric = Fixtures.RunBuilder.SEQUENCE_TASKS.get(task);
      List<String> levels = task.equals("sorting") ? List.of("n2-6", "n4", "n8", "n12")
          : List.of("h1-4", "h2", "h4", "h6");
      String train = levels.get(0);
      for (String level : levels) {
        for (int b = 0; b < budgets.length; b++) {
          run.atBudget("transformer-large", task, train, level, budgets[b], ONE, large.get(level)[b]);
          run.atBudget("transformer-small", task, train, level, budgets[b], ONE, small.get(level)[b]);
          if (b < recurrentBudgets) {
            run.atBudget("recurrent-transformer", task, train, level, budgets[b], RECURRENT,
                recurrent.get(level)[b]);
          }
        }
        run.proportions("transformer-large", task, train, level, metric, ONE,
            level.equals("h4") ? largeOnH4 : large.get(level)[1]);
        run.proportions("transformer-small", task, train, level, metric, ONE, small.get(level)[1]);
        run.proportions("recurrent-transformer", task, train, level, metric, RECURRENT, recurrent.get(level)[1]);
        run.proportions("uniform", task, train, level, metric, ONE, uniform);
        run.proportions("oracle", task, train, level, metric, ONE, 1);
        double[] reference = {0.2, 0.5, 0.9, task.equals("sorting") ? 1 : bellmanFordAtFull};
        run.proportions(task.equals("sorting") ? "odd-even-sort" : "bellman-ford", task, train, level, metric,
            BUDGET_K, reference);
      }
    }
    for (String model : List.of("transformer-small", "transformer-large", "recurrent-transformer")) {
      run.probe(model, "shortest-path", "h1-4", probe, control);
    }
    return run;
  }
}

  private static final String LARGER = "recurrence-does-not-catch-larger";
  private static final String LONGER = "recurrence-does-not-catch-longer-training";
  private static final String PROBE = "probe-finds-cities-not-paths";
  private static final String SORTING = "sorting-recurrence-does-not-catch-up";

  @Test
  void thePathsRunReproducesEveryClaimOfTheNote() {
    Map<String, ClaimVerdict> verdicts = judge(new Paths().builder(), work);
    assertStatus(verdicts, ClaimStatus.REPRODUCED, LARGER, LONGER, PROBE, SORTING, "oracle-perfect",
        "classical-references-complete");
    assertEquals(List.of(
        "at 2e9 training FLOPs (recurrent-transformer 2.02e9, transformer-large 2.02e9): transformer-large 0.6 "
            + "[0.551, 0.647] vs recurrent-transformer 0.3 [0.257, 0.347] on shortest-path h4 (path_accuracy, "
            + "transformer-large at 1, recurrent-transformer at T = 4 iterations): better outside the noise (by "
            + "the intervals, unpaired: neither has outcomes)",
        "at 2e9 training FLOPs (recurrent-transformer 2.02e9, transformer-large 2.02e9): transformer-large 0.9 "
            + "[0.867, 0.926] vs recurrent-transformer 0.6 [0.551, 0.647] on shortest-path h2 (path_accuracy, "
            + "transformer-large at 1, recurrent-transformer at T = 4 iterations): better outside the noise (by "
            + "the intervals, unpaired: neither has outcomes)",
        "at 2e9 training FLOPs (recurrent-transformer 2.02e9, transformer-large 2.02e9): not counted, "
            + "recurrent-transformer at chance: shortest-path h6: path_accuracy 0, none better than uniform's 0 [0, "
            + "0.01] (by the intervals, unpaired: neither has outcomes)"),
        verdicts.get(LARGER).evidence());
  }

  @Test
  void aRecurrentModelThatCatchesTheLargerOneAtTheLargestCommonBudgetContradictsIt() {
    Paths run = new Paths();
    run.recurrent.put("h4", new double[][] {{0.05, 0.1, 0.2, 0.2, 0.15}, {0.1, 0.4, 0.58, 0.5, 0.5}});
    Map<String, ClaimVerdict> verdicts = judge(run.builder(), work);
    ClaimVerdict verdict = verdicts.get(LARGER);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).contains("on shortest-path h4") && verdict.evidence().get(0)
        .endsWith("within the noise (by the intervals, unpaired: neither has outcomes)"), verdict.evidence()::toString);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdicts.get(LONGER).status(), "0.58 is above the small model's 0.5");
  }

  @Test
  void onlyTheLargestBudgetBothReachedDecides() {
    Paths run = new Paths();
    // Ahead at the first budget, behind at the second: the second decides.
    run.recurrent.put("h4", new double[][] {{0.5, 0.6, 0.7, 0.7, 0.7}, {0.1, 0.2, 0.3, 0.3, 0.25}});
    assertEquals(ClaimStatus.REPRODUCED, judge(run.builder(), work).get(LARGER).status());
    // The recurrent model stopped before the second budget: the first, where it is ahead, decides.
    run.recurrentBudgets = 1;
    ClaimVerdict verdict = judge(run.builder(), work).get(LARGER);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("at 1e9 training FLOPs"), verdict.evidence()::toString);
  }

  @Test
  void modelsAtChanceOnEveryLevelDecideNothing() {
    Paths run = new Paths();
    for (String level : List.of("h2", "h4")) {
      run.large.put(level, new double[] {0, 0});
      run.small.put(level, new double[] {0, 0});
      run.recurrent.put(level, new double[][] {new double[5], new double[5]});
    }
    ClaimVerdict verdict = judge(run.builder(), work).get(LARGER);
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status());
    assertEquals("recurrent-transformer at chance", verdict.reason());
  }

  @Test
  void aRecurrentModelThatNeverLearnedHasNothingToCatchUpWith() {
    // the larger transformer learns h2 and h4, the recurrent one solves none: it "does not catch up"
    // only in the sense that it never started, so the levels decide nothing
    Paths run = new Paths();
    for (String level : List.of("h2", "h4")) {
      run.recurrent.put(level, new double[][] {new double[5], new double[5]});
    }
    ClaimVerdict verdict = judge(run.builder(), work).get(LARGER);
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status(), verdict::toString);
    assertEquals("not measured: recurrent-transformer at chance", verdict.label());
    assertTrue(verdict.evidence().contains("at 2e9 training FLOPs (recurrent-transformer 2.02e9, transformer-large "
        + "2.02e9): shortest-path h4: path_accuracy 0, none better than uniform's 0 [0, 0.01] (by the "
        + "intervals, unpaired: neither has outcomes)"),
        verdict.evidence()::toString);
  }

  @Test
  void aRunWithoutComputeBudgetsCannotDecideIt() {
    Paths run = new Paths();
    run.budgets = new double[0];
    ClaimVerdict verdict = judge(run.builder(), work).get(LARGER);
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status());
    assertEquals("not evaluated at a common compute budget", verdict.reason());
  }

  @Test
  void aProbeBelowTheBoundOrTooCloseToItsControlContradictsIt() {
    Paths weak = new Paths();
    weak.probe = 0.45;
    assertEquals(ClaimStatus.NOT_REPRODUCED, judge(weak.builder(), work).get(PROBE).status());
    Paths control = new Paths();
    control.probe = 0.6;
    control.control = 0.4;
    ClaimVerdict verdict = judge(control.builder(), work).get(PROBE);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).contains("probe R^2 0.6, shuffled control 0.4"),
        verdict.evidence()::toString);
  }

  @Test
  void aModelThatFindsMostOfTheLongestTrainedPathsContradictsIt() {
    // h6, the hardest level, is 0 by construction (no answer that long was trained): it must not pass this
    Paths run = new Paths();
    run.largeOnH4 = 0.6;
    ClaimVerdict verdict = judge(run.builder(), work).get(PROBE);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("transformer-large on shortest-path h4 at 1 iteration: path_accuracy 0.6 [0.551, 0.647] (needs "
        + "<= 0.5)", verdict.evidence().get(0));
  }

  @Test
  void sortingIsDecidedOnItsOwnLengths() {
    Paths run = new Paths();
    run.recurrent.put("n8", new double[][] {{0, 0.05, 0.1, 0.1, 0.1}, {0.02, 0.3, 0.5, 0.45, 0.4}});
    Map<String, ClaimVerdict> verdicts = judge(run.builder(), work);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdicts.get(SORTING).status());
    assertEquals(ClaimStatus.REPRODUCED, verdicts.get(LARGER).status());
  }

  @Test
  void aClassicalReferenceThatMissesAPathAtItsFullBudgetFailsTheSanityCheck() {
    Paths run = new Paths();
    run.bellmanFordAtFull = 0.99;
    assertEquals(ClaimStatus.NOT_REPRODUCED, judge(run.builder(), work).get("classical-references-complete").status());
  }
}
