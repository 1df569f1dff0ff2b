package dev.reckon.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.ClaimVerdict.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claims of seeds/claims.yaml, decided on the fixture runs and on copies that contradict them. */
class ClaimsTest {
  @TempDir Path work;

  @Test
  void theBundledFileHoldsEveryClaimTheHarnessReproduces() {
    List<String> ids = Claims.bundled().claims().stream().map(Claim::id).toList();
    assertEquals(List.of("rrn-more-iterations", "rrn-generalises", "propagation-solves", "set-game-easy",
        "shatter-needs-dimension", "shatter-81-needs-dimension", "entropy-rises-as-d-falls", "shared-attribute-rank",
        "deq-trains-faster", "deq-not-less-accurate", "deq-less-memory", "deq-collapses"), ids);
  }

  @Test
  void theSudokuRunReproducesTheGraphNetworkClaims() {
    Map<String, ClaimVerdict> verdicts = judge(Fixtures.read(Fixtures.SUDOKU, work));
    assertStatus(verdicts, Status.REPRODUCED, "rrn-more-iterations", "rrn-generalises", "deq-trains-faster",
        "deq-not-less-accurate", "deq-less-memory");
    assertStatus(verdicts, Status.NOT_MEASURED, "propagation-solves", "set-game-easy", "shatter-needs-dimension",
        "entropy-rises-as-d-falls", "deq-collapses");
    assertStatus(verdicts, Status.CHECKED_BY_TESTS, "shared-attribute-rank");
    assertEquals(List.of("rrn on sudoku-4x4 minimal: puzzle_accuracy 0.55 at 4T = 32 iterations vs 0.45 at T = 8 "
        + "(needs a gain above 0)"), verdicts.get("rrn-more-iterations").evidence());
    assertEquals(List.of("sudoku-4x4 b6 seed 1: train_puzzle_accuracy reached 0.9 deq-gnn in 4.688 s, rrn in 10.5 s"),
        verdicts.get("deq-trains-faster").evidence());
    assertEquals(List.of("sudoku-4x4 b6 seed 1: largest update_memory_mb deq-gnn 9.25, rrn 41.5 (ratio 0.223)"),
        verdicts.get("deq-less-memory").evidence());
    assertEquals(List.of("no results for contrastive-d*, cross-encoder on set-27, levels set"),
        verdicts.get("set-game-easy").evidence(), "what was looked for, once though two rules looked");
  }

  @Test
  void theSetRunReproducesTheRetrievalClaims() {
    Map<String, ClaimVerdict> verdicts = judge(Fixtures.read(Fixtures.SET, work));
    assertStatus(verdicts, Status.REPRODUCED, "set-game-easy", "shatter-needs-dimension", "entropy-rises-as-d-falls");
    assertStatus(verdicts, Status.NOT_MEASURED, "shatter-81-needs-dimension", "rrn-more-iterations");
    assertTrue(verdicts.get("shatter-needs-dimension").evidence().contains("set-27 shatter, kl_divergence: best of "
        + "{contrastive-d* with d < 27} 0.6 (contrastive-d20), worst of {contrastive-d*, cross-encoder with d >= 27} "
        + "0.15 (contrastive-d27)"), () -> verdicts.get("shatter-needs-dimension").evidence().toString());
  }

  @Test
  void aSmallContrastiveModelThatShattersContradictsTheDimensionClaim() {
    Path run = Fixtures.copy(Fixtures.SET, work);
    Fixtures.rewriteResults(run, r -> set(r, "contrastive-d16", "shatter", "kl_divergence", "0.05"));
    ClaimVerdict verdict = judge(RunResults.read(run)).get("shatter-needs-dimension");
    assertEquals(Status.NOT_REPRODUCED, verdict.status());
    assertEquals("set-27 shatter, kl_divergence: best of {contrastive-d* with d < 27} 0.05 (contrastive-d16), worst "
        + "of {contrastive-d*, cross-encoder with d >= 27} 0.15 (contrastive-d27)", verdict.evidence().get(0),
        "the failing comparison first, with its numbers");
  }

  @Test
  void entropyThatRisesWithDimensionContradictsTheTrend() {
    Path run = Fixtures.copy(Fixtures.SET, work);
    Fixtures.rewriteResults(run, r -> set(r, "contrastive-d64", "union", "entropy", "2.6"));
    ClaimVerdict verdict = judge(RunResults.read(run)).get("entropy-rises-as-d-falls");
    assertEquals(Status.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).endsWith("goes the wrong way from contrastive-d27 to contrastive-d64"),
        verdict.evidence()::toString);
  }

  @Test
  void moreIterationsThatHurtContradictTheTestTimeComputeClaim() {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Fixtures.rewriteResults(run, r -> r.get("model").equals("rrn") && r.get("iterations").equals("32")
        ? set(r, "rrn", "minimal", "puzzle_accuracy", "0.3") : r);
    ClaimVerdict verdict = judge(RunResults.read(run)).get("rrn-more-iterations");
    assertEquals(Status.NOT_REPRODUCED, verdict.status());
    assertEquals(List.of("rrn on sudoku-4x4 minimal: puzzle_accuracy 0.3 at 4T = 32 iterations vs 0.45 at T = 8 "
        + "(needs a gain above 0)"), verdict.evidence());
  }

  @Test
  void aMisspeltFieldOrKindFailsTheLoad() {
    String good = "notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n    rules:\n";
    assertThrows(IOException.class, () -> read(good + "      - {kind: threshold, models: [x], task: t, "
        + "levels: [all], at_lest: 1}"));
    assertThrows(IOException.class, () -> read(good + "      - {kind: treshold, models: [x], task: t}"));
    assertThrows(IOException.class, () -> read(good + "      - {kind: threshold, models: [x], task: t, "
        + "levels: [all]}"), "a threshold without a bound");
    assertThrows(IOException.class, () -> read(good.replace("note: n", "note: m")
        + "      - {kind: not_recorded, reason: r}"), "an unknown note");
  }

  @Test
  void wildcardsMatchRunsOfCharacters() {
    assertTrue(ResultSelection.matches("contrastive-d*", "contrastive-d512"));
    assertTrue(ResultSelection.matches("sudoku-*", "sudoku-9x9"));
    assertTrue(ResultSelection.matches("rrn", "rrn"));
    assertFalse(ResultSelection.matches("rrn", "rrn-2"));
    assertFalse(ResultSelection.matches("set-2.", "set-27"), "only * is special");
  }

  /** The fixture's deq-gnn, trained on to update 6000, with and without a recorded collapse. */
  @Test
  void aLongDeqTrainingDecidesTheCollapseClaimFromTheCellsCollapse() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Files.writeString(run.resolve("training.csv"), "deq-gnn,sudoku-4x4,b6,1,6000,loss,1.9,90.0\n",
        StandardOpenOption.APPEND);
    assertEquals(Status.NOT_REPRODUCED, judge(RunResults.read(run)).get("deq-collapses").status());

    Path cells = run.resolve("cells.csv");
    List<String> lines = Files.readAllLines(cells).stream()
        .map(line -> line.startsWith("model,") ? line + ",collapse_update,collapse"
            : line + (line.startsWith("deq-gnn,") ? ",3650,loss rose from 0.000 to 1.010" : ",,"))
        .toList();
    Files.write(cells, lines);
    ClaimVerdict verdict = judge(RunResults.read(run)).get("deq-collapses");
    assertEquals(Status.REPRODUCED, verdict.status());
    assertEquals(List.of("deq-gnn on sudoku-4x4 b6 seed 1, 6000 updates: collapsed at update 3650 (loss rose from "
        + "0.000 to 1.010)"), verdict.evidence());
  }

  private Map<String, ClaimVerdict> judge(RunResults run) {
    Map<String, ClaimVerdict> byId = new LinkedHashMap<>();
    Claims.bundled().judge(run).forEach(verdict -> byId.put(verdict.claim().id(), verdict));
    return byId;
  }

  private static void assertStatus(Map<String, ClaimVerdict> verdicts, Status status, String... ids) {
    for (String id : ids) {
      assertEquals(status, verdicts.get(id).status(), () -> id + ": " + verdicts.get(id));
    }
  }

  private static Map<String, String> set(Map<String, String> row, String model, String level, String metric,
      String value) {
    if (row.get("model").equals(model) && row.get("eval_level").equals(level) && row.get("metric").equals(metric)) {
      row.put("value", value);
      row.put("ci_low", value);
      row.put("ci_high", value);
    }
    return row;
  }

  private static Claims read(String yaml) throws IOException {
    return Claims.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
