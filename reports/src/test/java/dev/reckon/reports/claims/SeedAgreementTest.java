package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import dev.reckon.reports.format.RunResults.Result;
import dev.reckon.reports.render.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims decided on the measurements pooled over a run's training seeds and on each seed alone: a
 * verdict says how many seeds agree, and seeds that disagree make a split, never a reproduction.
 */
class SeedAgreementTest {
  @TempDir Path work;

  /**
   * The SudokuRun (seed 1) with the rrn trained at more seeds, as {@code rrn} gives its accuracy per
   * seed (b16, b20, minimal), each with the training curve of seed 1.
   */
  private static RunBuilder threeSeeds(Map<Long, double[][]> rrn) {
    RunBuilder run = new SudokuRun().builder();
    rrn.forEach((seed, levels) -> run.seed(seed).accuracy("rrn", "b16", "b16", SudokuRun.RRN_COUNTS, levels[0])
        .accuracy("rrn", "b16", "b20", SudokuRun.RRN_COUNTS, levels[1])
        .accuracy("rrn", "b16", "minimal", SudokuRun.RRN_COUNTS, levels[2])
        .curve("rrn", "sudoku-6x6", "b16", "train_puzzle_accuracy", 25, 1.5, 0, 0.3, 0.5, 0.66, 0.76, 0.83, 0.88, 0.92,
            0.94));
    return run;
  }

  /** The SudokuRun's rrn, with its accuracy on every level at 4T moved by {@code delta}. */
  private static double[][] rrn(double delta) {
    SudokuRun run = new SudokuRun();
    double[][] levels = {run.rrn.get("b16").clone(), run.rrn.get("b20").clone(), run.rrn.get("minimal").clone()};
    for (double[] level : levels) {
      level[5] = Math.min(1, level[5] + delta);
    }
    return levels;
  }

  @Test
  void threeSeedsThatReproduceItAgreeAndSaySo() {
    Map<String, ClaimVerdict> verdicts = judge(threeSeeds(Map.of(2L, rrn(0), 3L, rrn(-0.01))), work);
    ClaimVerdict verdict = verdicts.get("rrn-more-iterations");
    assertEquals(ClaimStatus.REPRODUCED, verdict.status(), verdict::toString);
    assertEquals(new ClaimVerdict.SeedAgreement(ClaimStatus.REPRODUCED, 3, 3, 3), verdict.agreement());
    assertEquals("reproduced in 3 of 3 seeds", verdict.label());
    // models run at one seed (the DEQ, uniform, the oracle) stand at every seed: each seed decides these too
    assertEquals("reproduced in 3 of 3 seeds", verdicts.get("deq-more-accurate").label());
    assertEquals("passed in 3 of 3 seeds", verdicts.get("oracle-perfect").label());
  }

  @Test
  void twoSeedsThatReproduceItAndOneThatDoesNotAreASplit() {
    // seed 3 falls on its training level from T to 4T outside the noise (0.998 to 0.95 on 500 puzzles);
    // pooled over the seeds, 4T's interval is wide enough that nothing falls: the mean reproduces it
    double[][] falls = rrn(0);
    falls[0] = new double[] {0, 0.01, 0.9, 0.998, 0.97, 0.95};
    ClaimVerdict verdict = judge(threeSeeds(Map.of(2L, rrn(0), 3L, falls)), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.SPLIT, verdict.status(), verdict::toString);
    assertEquals(new ClaimVerdict.SeedAgreement(ClaimStatus.REPRODUCED, 2, 3, 3), verdict.agreement());
    assertEquals("split: 2 of 3 seeds reproduce; pooled, reproduced", verdict.label());
    assertEquals("seed 1: reproduced", verdict.evidence().get(0));
    assertEquals("seed 2: reproduced", verdict.evidence().get(1));
    assertTrue(verdict.evidence().get(2).startsWith("seed 3: not reproduced: rrn on sudoku-6x6 b16, puzzle_accuracy "
        + "at T = 8: 0.998 [0.989, 1], 2T = 16: 0.97 [") && verdict.evidence().get(2).endsWith("falls outside the "
        + "noise from 8 to 16, 8 to 32 iterations (by the intervals, unpaired: neither has outcomes)"),
        verdict.evidence()::toString);
    assertTrue(verdict.status().contradicted());
  }

  @Test
  void oneSeedThatReproducesItAgainstTwoThatDoNotIsASplitToo() {
    double[][] flat = rrn(0);
    flat[1] = new double[] {0, 0, 0.5, 0.8, 0.81, 0.81};
    ClaimVerdict verdict = judge(threeSeeds(Map.of(2L, flat, 3L, flat)), work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.SPLIT, verdict.status(), verdict::toString);
    assertEquals("split: 1 of 3 seeds reproduce; pooled, not reproduced", verdict.label());
  }

  @Test
  void seedsThatAllContradictItAgreeOnNotReproduced() {
    double[][] flat = rrn(0);
    flat[1] = new double[] {0, 0, 0.5, 0.8, 0.81, 0.81};
    SudokuRun first = new SudokuRun();
    first.rrn.put("b20", flat[1]);
    RunBuilder run = first.builder();
    run.seed(2).accuracy("rrn", "b16", "b20", SudokuRun.RRN_COUNTS, flat[1]).accuracy("rrn", "b16", "minimal",
        SudokuRun.RRN_COUNTS, flat[2]).accuracy("rrn", "b16", "b16", SudokuRun.RRN_COUNTS, flat[0]);
    ClaimVerdict verdict = judge(run, work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status(), verdict::toString);
    assertEquals("not reproduced in 2 of 2 seeds", verdict.label());
  }

  @Test
  void aSeedThatCannotDecideItIsCountedApart() {
    // seed 3's rrn was evaluated on its training level only: it cannot say whether 4T helps on harder ones
    RunBuilder run = threeSeeds(Map.of(2L, rrn(0.01))).seed(3).accuracy("rrn", "b16", "b16", SudokuRun.RRN_COUNTS,
        new SudokuRun().rrn.get("b16"));
    ClaimVerdict verdict = judge(run, work).get("rrn-more-iterations");
    assertEquals(ClaimStatus.REPRODUCED, verdict.status(), verdict::toString);
    assertEquals("reproduced in 2 of 2 seeds (1 not measured)", verdict.label());
  }

  @Test
  void oneSeedSaysSoPlainly() {
    ClaimVerdict verdict = judge(new SudokuRun().builder(), work).get("rrn-more-iterations");
    assertEquals(new ClaimVerdict.SeedAgreement(ClaimStatus.REPRODUCED, 1, 1, 1), verdict.agreement());
    assertEquals("reproduced (1 seed)", verdict.label());
  }

  @Test
  void eachSeedSeesItsOwnRowsAndTheModelsRunOnce() {
    RunResults run = threeSeeds(Map.of(2L, rrn(0), 3L, rrn(0))).read(work);
    assertEquals(List.of(1L, 2L, 3L), run.seeds());
    RunResults second = run.atSeed(2);
    assertEquals(List.of(2L), second.results().stream().filter(r -> r.model().equals("rrn")).map(Result::seed)
        .distinct().toList());
    assertEquals(run.results().stream().filter(r -> !r.model().equals("rrn")).toList(),
        second.results().stream().filter(r -> !r.model().equals("rrn")).toList(), "the models run once stand");
    assertTrue(second.training().stream().filter(p -> p.model().equals("rrn")).allMatch(p -> p.seed() == 2));
    assertTrue(second.training().stream().anyMatch(p -> p.model().equals("deq-gnn") && p.seed() == 1));
  }

  @Test
  void aSanityCheckThatFailsOnOneSeedIsReportedAsFailed() throws IOException {
    RunBuilder run = new SudokuRun().builder();
    for (long seed : new long[] {2, 3}) {
      run.seed(seed).accuracy("propagation", "b16", "minimal", SudokuRun.CAPS, 0, 0.02, 0.6, 1, 1, 1,
          seed == 3 ? 0.99 : 1);
    }
    ClaimVerdict verdict = judge(run, work).get("propagation-complete");
    assertEquals(ClaimStatus.SPLIT, verdict.status(), verdict::toString);
    assertEquals("split: 2 of 3 seeds pass; pooled, failed", verdict.label());
    Path out = work.resolve("report");
    ReportWriter.write(List.of(run.write(work)), out);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("**1 sanity check failed in `sudoku-claims`: propagation-complete; the run's numbers are "
        + "suspect.**"), md);
    assertTrue(md.contains("| **propagation-complete** | seeds/claims.yaml | split: 2 of 3 seeds pass; pooled, "
        + "failed: seed 1: passed; seed 2: passed; seed 3: failed: propagation on sudoku-6x6 minimal at 64 "
        + "iterations: puzzle_accuracy 0.99"), md);
    assertTrue(Files.readString(out.resolve("report.html")).contains("<span class=\"split\">split: 2 of 3 seeds "
        + "pass; pooled, failed</span><span class=\"reason\">: propagation on sudoku-6x6 minimal at 64 iterations: "),
        "the pooled decision's why, past the seeds' lines the label counts");
  }
}
