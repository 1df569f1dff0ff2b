package dev.reckon.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.tck.RowsPlugin.Defect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every check passes on a sound plugin and fails on the defect it is there for, naming it. */
class PluginChecksTest {
  private static List<Check> checks(Defect defect) {
    return PluginChecks.of("rows", new RowsPlugin(defect), new PluginChecks.Setup(task -> Map.of(),
        model -> Map.of(), List.of(), Optional.empty(), model -> true));
  }

  @Test
  void aSoundPluginPassesEveryCheckThatApplies() {
    List<Check> checks = checks(Defect.NONE);
    assertEquals(List.of(), checks.stream().filter(Check::failed).toList());
    assertEquals(Map.of(
            "chance scores worse than its reference solver", "no chance model given",
            "predicts the same after save and load", "it keeps no checkpoint (load is unsupported)",
            "a seed trained in a group learns and scores as it does alone", "it does not learn"),
        checks.stream().filter(check -> check.verdict() == Check.Verdict.NOT_APPLICABLE)
            .collect(Collectors.toMap(Check::property, Check::detail)));
    assertTrue(checks.size() >= 16, "every property is listed: " + checks.size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      DATA_FROM_A_COUNTER           | same seed, same data (b1)                             | two tasks at one seed made different data
      DATA_IGNORES_SEED             | another seed, other data                              | gave the same 12 examples of b3
      LEVELS_HARDEST_FIRST          | lists its levels, easiest first                       | level b1 (difficulty 1.0) comes after b3
      SOLVER_WRONG_ON_ONE           | its reference solver scores the best value (b1)       | scored row_accuracy = 0.91
      MODEL_WRITES_INTO_INPUTS      | leaves its training and evaluation data as they were | predict() changed its inputs: givens[0][0]
      MODEL_ACCEPTS_ANY_SHAPE       | declines a task of a shape nobody knows, with a reason | it accepts a task of the unknown shape
      MODEL_PREDICTS_FROM_THE_CLOCK | same seed, same predictions                           | two models at seed 11 predicted differently
      MODEL_LEARNS_WITHOUT_LOSS     | trains and predicts within the boundary rules         | recorded no 'loss' curve
      MODEL_ITERATIONS_DESCENDING   | trains and predicts within the boundary rules         | they must be positive and strictly ascending
      """)
  void eachDefectFailsItsCheckWithTheReason(Defect defect, String property, String reason) {
    List<Check> failed = checks(defect).stream().filter(Check::failed).toList();
    assertTrue(failed.stream().anyMatch(check -> check.property().equals(property) && check.detail().contains(reason)),
        defect + " should fail '" + property + "' saying '" + reason + "'; failed: " + failed);
  }
}
