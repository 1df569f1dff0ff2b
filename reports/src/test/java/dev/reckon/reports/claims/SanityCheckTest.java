package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.render.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's sanity checks, and how the reports show one that failed. */
class SanityCheckTest {
  @TempDir Path work;

  @Test
  void anOracleThatMissesAPuzzleFailsItsSanityCheck() {
    SudokuRun run = new SudokuRun();
    run.oracle = 0.998;
    ClaimVerdict verdict = judge(run.builder(), work).get("oracle-perfect");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("failed (1 seed)", verdict.label());
    assertTrue(verdict.evidence().get(0).startsWith("oracle on sudoku-6x6 b16 at 1 iteration: puzzle_accuracy "
        + "0.998"), verdict.evidence()::toString);
    assertEquals(ClaimStatus.NOT_REPRODUCED, judge(new GameRun().builder().value("oracle", "set-27", "union",
        "kl_divergence", 0.01, 0), work).get("oracle-perfect").status(), "a second row makes the mean above 0");
  }

  /**
   * A plugin's task declares its reference solver and its classical reference: the oracle and the
   * reference are held to the best value there as on a built-in task, and the report names no claim
   * its run's plugins could not have measured.
   */
  @Test
  void theSanityChecksHoldAPluginsTaskToWhatItDeclares() throws IOException {
    Path run = Files.createDirectories(work.resolve("addition-run"));
    Files.writeString(run.resolve("manifest.json"), """
        {"runId": "addition-run", "plugins": [{"tasks": ["addition"], "models": ["oracle", "uniform", "carry-ripple"]}],
         "tasks": [{"id": "addition", "format": "grid", "primaryMetric": "string_accuracy", "referenceSolver": true,
           "classicalReferences": ["carry-ripple"],
           "metrics": [{"id": "string_accuracy", "direction": "HIGHER_IS_BETTER", "unit": "fraction"}],
           "levels": [{"id": "d2", "difficulty": 2}, {"id": "d4", "difficulty": 4}]}]}
        """);
    Files.writeString(run.resolve("results.csv"), """
        model,task,train_level,eval_level,eval_difficulty,iterations,metric,seed,value,n,ci_low,ci_high
        oracle,addition,d2,d2,2,1,string_accuracy,1,1.0,200,0.98,1.0
        oracle,addition,d2,d4,4,1,string_accuracy,1,0.9,200,0.85,0.93
        carry-ripple,addition,d2,d2,2,1,string_accuracy,1,0.5,200,0.43,0.57
        carry-ripple,addition,d2,d2,2,2,string_accuracy,1,1.0,200,0.98,1.0
        carry-ripple,addition,d2,d4,4,2,string_accuracy,1,0.3,200,0.24,0.37
        carry-ripple,addition,d2,d4,4,4,string_accuracy,1,1.0,200,0.98,1.0
        """);
    Map<String, ClaimVerdict> verdicts = Verdicts.byId(Claims.bundled().judge(RunResults.read(run)));
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdicts.get("oracle-perfect").status());
    assertTrue(verdicts.get("oracle-perfect").evidence().get(0).startsWith("oracle on addition d4 at 1 iteration: "
        + "string_accuracy 0.9"), verdicts.get("oracle-perfect").evidence()::toString);
    assertEquals(ClaimStatus.REPRODUCED, verdicts.get("classical-references-complete").status(),
        verdicts.get("classical-references-complete").evidence()::toString);

    Path out = work.resolve("report");
    ReportWriter.write(List.of(run), out);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("1 sanity check failed in `addition-run`: oracle-perfect"), md);
    assertFalse(md.contains("rrn-more-iterations"), "no plugin of the run offers the rrn or sudoku: " + md);
  }

  @Test
  void propagationThatLeavesAGeneratedPuzzleUnsolvedFailsItsSanityCheck() {
    SudokuRun run = new SudokuRun();
    run.propagation.put("minimal", new double[] {0, 0.02, 0.6, 0.9, 0.95, 0.99, 0.99});
    ClaimVerdict verdict = judge(run.builder(), work).get("propagation-complete");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertEquals("propagation on sudoku-6x6 minimal at 64 iterations: puzzle_accuracy 0.99 [0.977, 0.996] "
        + "(needs >= 1)", verdict.evidence().get(0));
  }

  @Test
  void publishedPuzzlesNeedNotAllBeSolvedButMustNotGetWorseWithBudget() {
    String file = "file:/puzzles/expert.txt";
    RunBuilder enough = new SudokuRun().builder().accuracy("propagation", "b16", file, SudokuRun.CAPS, 0, 0, 0.1,
        0.3, 0.6, 0.8, 0.9);
    assertEquals(ClaimStatus.REPRODUCED, judge(enough, work).get("propagation-complete").status(),
        "64 units may be short of an expert puzzle");
    RunBuilder falls = new SudokuRun().builder().accuracy("propagation", "b16", file, SudokuRun.CAPS, 0, 0, 0.1,
        0.3, 0.9, 0.8, 0.6);
    ClaimVerdict verdict = judge(falls, work).get("propagation-complete");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status());
    assertTrue(verdict.evidence().get(0).startsWith("propagation on sudoku-6x6 " + file) && verdict.evidence()
        .get(0).endsWith("falls outside the noise from 16 to 32, 16 to 64, 32 to 64 iterations (by the "
            + "intervals, unpaired: neither has outcomes)"),
        verdict.evidence()::toString);
  }

  @Test
  void aFailedSanityCheckIsShownInBothReports() throws IOException {
    SudokuRun run = new SudokuRun();
    run.oracle = 0.99;
    Path out = work.resolve("report");
    ReportWriter.write(List.of(run.builder().write(work)), out);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<h2 id=\"sanity\">Sanity checks</h2>"), html);
    assertTrue(html.contains("<a href=\"#sanity\">Sanity checks</a>"), "in the table of contents");
    assertTrue(html.contains("<p class=\"not-reproduced\">sudoku-claims: 1 sanity check failed: oracle-perfect</p>"),
        html);
    assertTrue(html.contains("<span class=\"not-reproduced\">failed (1 seed)</span>"), html);
    assertTrue(html.indexOf("id=\"sanity\"") < html.indexOf("id=\"claims\""), "before the claims");
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Sanity checks\n\n**1 sanity check failed in `sudoku-claims`: oracle-perfect; the "
        + "run's numbers are suspect.**\n\n| check | from | `sudoku-claims` |"), md);
    assertTrue(md.contains("| **oracle-perfect** | seeds/claims.yaml | failed (1 seed): oracle on sudoku-6x6 b16 at 1 iteration: "
        + "puzzle_accuracy 0.99"), md);
    assertTrue(md.contains("| **propagation-complete** | seeds/claims.yaml | passed (1 seed): "), md);
    assertFalse(md.substring(md.indexOf("## Claims of the research notes")).contains("oracle-perfect"),
        "sanity checks are not claims");
  }

  @Test
  void aClaimAtChanceSaysSoInTheReport() throws IOException {
    Path out = work.resolve("report");
    ReportWriter.write(List.of(new GameRun().atChance("set-27/union").builder().write(work)), out);
    assertTrue(Files.readString(out.resolve("report.md")).contains("| **entropy-rises-as-d-falls** | seeds/claims.yaml | not "
        + "measured: models at chance: set-27 union: kl_divergence 0.783 to 0.791, none better than uniform's"));
    assertTrue(Files.readString(out.resolve("report.html")).contains("<span class=\"not-measured\">not measured: "
        + "models at chance</span>"));
  }
}
