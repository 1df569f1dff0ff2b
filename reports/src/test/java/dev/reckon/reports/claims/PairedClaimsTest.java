package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.measurements.Numbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims that compare two proportions over the same examples decide by McNemar's paired test, pooled
 * over the seeds and on each seed alone, and fall back to the two intervals, saying so, where the
 * outcomes are missing or the evaluation sets are not shown the same. Every table here has one
 * beside it with the same accuracies that the other test decides otherwise.
 */
class PairedClaimsTest {
  private static final String TASK = "sudoku-6x6";
  private static final String METRIC = "puzzle_accuracy";
  private static final String SHA = "a".repeat(64);
  private static final String ABOVE = "notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n"
      + "    rules:\n      - {kind: above_model, model: rrn, against: learned-adjacency, task: sudoku-6x6, "
      + "levels: [b20]}\n";

  @TempDir Path work;

  /**
   * The examples each model solves of 500: {@code both} by either, then {@code onlyLearned} by
   * learned-adjacency alone, then {@code onlyRrn} by the rrn alone.
   */
  private record Split(int both, int onlyLearned, int onlyRrn) {
    BitSet learned() {
      BitSet solved = new BitSet();
      solved.set(0, both + onlyLearned);
      return solved;
    }

    BitSet rrn() {
      BitSet solved = new BitSet();
      solved.set(0, both);
      solved.set(both + onlyLearned, both + onlyLearned + onlyRrn);
      return solved;
    }
  }

  /** The two models' outcomes on b20 at 8 steps at the current seed, each naming its evaluation set's sha256. */
  private static RunBuilder outcomes(RunBuilder run, Split split, String rrnSha, String learnedSha) {
    return run.outcomes("rrn", TASK, "b16", "b20", 8, METRIC, split.rrn())
        .outcomes("learned-adjacency", TASK, "b16", "b20", 8, METRIC, split.learned())
        .evalData("rrn", TASK, "b16", "b20", rrnSha).evalData("learned-adjacency", TASK, "b16", "b20", learnedSha);
  }

  private ClaimVerdict above(RunBuilder run) throws IOException {
    return read(ABOVE).judge(run.read(Files.createTempDirectory(work, "run-"))).get(0);
  }

  /**
   * McNemar's exact two-sided p-value by the textbook: twice the binomial tail {@code sum_{k <=
   * min(b, c)} C(b + c, k) / 2^(b + c)}, in exact integers, at most 1.
   */
  private static double textbookP(int b, int c) {
    BigInteger tail = BigInteger.ZERO;
    for (int k = 0; k <= Math.min(b, c); k++) {
      tail = tail.add(choose(b + c, k));
    }
    BigDecimal p = new BigDecimal(tail.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(b + c)),
        MathContext.DECIMAL64);
    return Math.min(1, p.doubleValue());
  }

  private static BigInteger choose(int n, int k) {
    BigInteger value = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      value = value.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return value;
  }

  @Test
  void theTextbookPValuesAreThoseTheTestsRelyOn() {
    assertEquals(0.0386, textbookP(2, 10), 5e-5);
    assertEquals(0.0654, textbookP(2, 9), 5e-5);
    assertEquals(2 / 32768.0, textbookP(0, 15), 1e-15);
  }

  @Test
  void pairedOutcomesDecideWhereTheIntervalsOverlap() throws IOException {
    // 0.43 against 0.4 on the same 500 puzzles, the rrn solving every puzzle learned-adjacency solves and 15 more:
    // Wilson intervals [0.387, 0.474] and [0.358, 0.444] overlap, but no puzzle goes the other way
    ClaimVerdict verdict = above(outcomes(new RunBuilder("superset").examples(500), new Split(200, 0, 15), SHA, SHA));
    assertEquals(ClaimStatus.REPRODUCED, verdict.status(), verdict::toString);
    assertEquals("rrn 0.43 [0.387, 0.474] vs learned-adjacency 0.4 [0.358, 0.444] on sudoku-6x6 b20 "
        + "(puzzle_accuracy, both at 8 iterations): better outside the noise (paired McNemar over 1 seed: +0.03 "
        + "[0.015, 0.045], p = " + Numbers.text(textbookP(0, 15)) + ")",
        verdict.evidence().get(0));
  }

  @Test
  void discordantExamplesBothWaysKeepTheSameAccuraciesWithinTheNoise() throws IOException {
    // the same 0.43 against 0.4, but the rrn loses 25 puzzles learned-adjacency solves and solves 40 it does not
    ClaimVerdict verdict = above(outcomes(new RunBuilder("balanced").examples(500), new Split(175, 25, 40), SHA,
        SHA));
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status(), verdict::toString);
    assertTrue(verdict.evidence().get(0).startsWith("rrn 0.43 [0.387, 0.474] vs learned-adjacency 0.4 [0.358, "
        + "0.444]"), verdict.evidence()::toString);
    assertTrue(verdict.evidence().get(0).endsWith(": within the noise (paired McNemar over 1 seed: +0.03 "
        + "[-0.001, 0.061], p = " + Numbers.text(textbookP(25, 40)) + ")"), verdict.evidence()::toString);
  }

  @Test
  void withoutOutcomesTheIntervalsDecideAndTheVerdictSaysSo() throws IOException {
    // the superset table's accuracies from results.csv alone: the two intervals overlap
    RunBuilder run = new RunBuilder("intervals").examples(500)
        .proportions("rrn", TASK, "b16", "b20", METRIC, new int[] {8}, 0.43)
        .proportions("learned-adjacency", TASK, "b16", "b20", METRIC, new int[] {8}, 0.4);
    ClaimVerdict verdict = above(run);
    assertEquals(ClaimStatus.NOT_REPRODUCED, verdict.status(), verdict::toString);
    assertTrue(verdict.evidence().get(0).endsWith(": within the noise (by the intervals, unpaired: neither has "
        + "outcomes)"), verdict.evidence()::toString);
  }

  @Test
  void evaluationSetsNotShownTheSameAreNotPaired() throws IOException {
    ClaimVerdict differing = above(outcomes(new RunBuilder("other-data").examples(500), new Split(200, 0, 15), SHA,
        "b".repeat(64)));
    assertEquals(ClaimStatus.NOT_REPRODUCED, differing.status(), differing::toString);
    assertTrue(differing.evidence().get(0).endsWith(": within the noise (by the intervals, unpaired: the evaluation "
        + "sets of seed 1 differ (sha256 aaaaaaaaaaaa... and bbbbbbbbbbbb...))"), differing.evidence()::toString);
    ClaimVerdict unknown = above(outcomes(new RunBuilder("unknown-data").examples(500), new Split(200, 0, 15), SHA,
        ""));
    assertTrue(unknown.evidence().get(0).endsWith(": within the noise (by the intervals, unpaired: no sha256 shows "
        + "the evaluation sets of seed 1 the same)"), unknown.evidence()::toString);
  }

  @Test
  void eachSeedIsPairedAloneAndThePooledVerdictAddsTheSeeds() throws IOException {
    // per seed, the rrn alone solves 10, 9 and 10 puzzles and learned-adjacency alone 2: McNemar's p is 0.0386,
    // 0.0654 and 0.0386, so seed 2 is within the noise though its paired interval, [0.001, 0.027], excludes 0
    RunBuilder run = new RunBuilder("three-seeds").examples(500);
    int[] onlyRrn = {10, 9, 10};
    for (int seed = 1; seed <= 3; seed++) {
      outcomes(run.seed(seed), new Split(200, 2, onlyRrn[seed - 1]), SHA, SHA);
    }
    ClaimVerdict verdict = above(run);
    assertEquals(ClaimStatus.SPLIT, verdict.status(), verdict::toString);
    assertEquals("split: 2 of 3 seeds reproduce; pooled, reproduced", verdict.label());
    assertEquals("seed 1: reproduced", verdict.evidence().get(0));
    assertTrue(verdict.evidence().get(1).startsWith("seed 2: not reproduced: rrn 0.418 [")
        && verdict.evidence().get(1).endsWith(": within the noise (paired McNemar over 1 seed: +0.014 [0.001, "
            + "0.027], p = " + Numbers.text(textbookP(2, 9)) + ")"), verdict.evidence()::toString);
    assertEquals("seed 3: reproduced", verdict.evidence().get(2));
    // pooled: 6 puzzles learned-adjacency alone solves and 29 the rrn alone, over 1500 puzzle pairs
    assertTrue(verdict.evidence().get(3).endsWith(": better outside the noise (paired McNemar over 3 seeds: "
        + "+0.015 [0.008, 0.023], p = " + Numbers.text(textbookP(6, 29)) + ")"), verdict.evidence()::toString);

    // the contradicting table: seed 2 as the others, and every seed reproduces it at p = 0.0386
    RunBuilder agreeing = new RunBuilder("agreeing").examples(500);
    for (int seed = 1; seed <= 3; seed++) {
      outcomes(agreeing.seed(seed), new Split(200, 2, 10), SHA, SHA);
    }
    ClaimVerdict all = above(agreeing);
    assertEquals("reproduced in 3 of 3 seeds", all.label());
    assertTrue(all.evidence().get(0).endsWith("p = " + Numbers.text(textbookP(6, 30)) + ")"),
        all.evidence()::toString);
  }

  @Test
  void aModelRunOnceIsPairedWithEachSeedOfTheOther() throws IOException {
    // learned-adjacency at seed 1 alone stands at every seed; the rrn solves 4 more at each: p = 0.125 a seed,
    // 4.9e-4 over the three
    RunBuilder run = new RunBuilder("run-once").examples(500);
    Split split = new Split(200, 0, 4);
    run.outcomes("learned-adjacency", TASK, "b16", "b20", 8, METRIC, split.learned())
        .evalData("learned-adjacency", TASK, "b16", "b20", SHA);
    for (int seed = 1; seed <= 3; seed++) {
      run.seed(seed).outcomes("rrn", TASK, "b16", "b20", 8, METRIC, split.rrn()).evalData("rrn", TASK, "b16", "b20",
          SHA);
    }
    ClaimVerdict verdict = above(run);
    assertEquals("split: 0 of 3 seeds reproduce; pooled, reproduced", verdict.label());
    assertTrue(verdict.evidence().get(0).endsWith("within the noise (paired McNemar over 1 seed: +0.008 "
        + "[1.92e-4, 0.016], p = " + Numbers.text(textbookP(0, 4)) + ")"), verdict.evidence()::toString);
    assertTrue(verdict.evidence().get(3).endsWith("better outside the noise (paired McNemar over 3 seeds: +0.008 "
        + "[0.003, 0.013], p = " + Numbers.text(textbookP(0, 12)) + ")"), verdict.evidence()::toString);
  }

  @Test
  void moreIterationsPairsTheCellsOwnCounts() throws IOException {
    String yaml = "notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n    rules:\n"
        + "      - {kind: more_iterations, model: rrn, task: sudoku-6x6, levels: [b20], steps: [8, 32]}\n";
    Split split = new Split(200, 0, 15);
    // one cell, so its counts share their examples: no sha256 is needed to pair them
    RunBuilder paired = new RunBuilder("counts").examples(500).outcomes("rrn", TASK, "b16", "b20", 8, METRIC,
        split.learned()).outcomes("rrn", TASK, "b16", "b20", 32, METRIC, split.rrn());
    ClaimVerdict rises = read(yaml).judge(paired.read(work)).get(0);
    assertEquals(ClaimStatus.REPRODUCED, rises.status(), rises::toString);
    assertEquals("rrn on sudoku-6x6 b20, puzzle_accuracy at 8: 0.4 [0.358, 0.444], 32: 0.43 [0.387, 0.474]; rises "
        + "outside the noise (paired McNemar over 1 seed: +0.03 [0.015, 0.045], p = "
        + Numbers.text(textbookP(0, 15)) + ")", rises.evidence().get(0));
    // the same examples the other way: the later count loses 15, and the drop reads as one
    RunBuilder falling = new RunBuilder("counts-falling").examples(500).outcomes("rrn", TASK, "b16", "b20", 8, METRIC,
        split.rrn()).outcomes("rrn", TASK, "b16", "b20", 32, METRIC, split.learned());
    ClaimVerdict falls = read(yaml).judge(falling.read(work)).get(0);
    assertEquals(ClaimStatus.NOT_REPRODUCED, falls.status(), falls::toString);
    assertTrue(falls.evidence().get(0).contains("falls outside the noise from 8 to 32 (paired McNemar over 1 seed: "
        + "-0.03 [-0.045, -0.015], p = "), falls.evidence()::toString);
    RunBuilder unpaired = new RunBuilder("counts-unpaired").examples(500)
        .proportions("rrn", TASK, "b16", "b20", METRIC, new int[] {8, 32}, 0.4, 0.43);
    ClaimVerdict flat = read(yaml).judge(unpaired.read(work)).get(0);
    assertEquals(ClaimStatus.NOT_REPRODUCED, flat.status(), flat::toString);
    assertTrue(flat.evidence().get(0).endsWith("the last count is not better than the first outside the noise (by "
        + "the intervals, unpaired: neither has outcomes)"), flat.evidence()::toString);
  }

  @Test
  void aDropBeyondTheNoiseIsReadOnThePairedInterval() throws IOException {
    String yaml = "notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n    rules:\n"
        + "      - {kind: drop_after_best, model: rrn, task: sudoku-6x6, levels: [b20], at_least: 0.02}\n";
    // 0.6 at 8 steps, 0.55 at 32: the 25 puzzles lost are all of the drop
    BitSet best = new Split(300, 0, 0).learned();
    BitSet last = new Split(275, 0, 0).learned();
    RunBuilder paired = new RunBuilder("drop").examples(500).outcomes("rrn", TASK, "b16", "b20", 8, METRIC, best)
        .outcomes("rrn", TASK, "b16", "b20", 32, METRIC, last);
    ClaimVerdict drops = read(yaml).judge(paired.read(work)).get(0);
    assertEquals(ClaimStatus.REPRODUCED, drops.status(), drops::toString);
    assertTrue(drops.evidence().get(0).endsWith("; drops 0.031 beyond the noise (needs a drop beyond the noise >= "
        + "0.02; paired McNemar over 1 seed: +0.05 [0.031, 0.069], p = " + Numbers.text(textbookP(25, 0)) + ")"),
        drops.evidence()::toString);
    // the same accuracies without outcomes: Newcombe's interval from the two Wilson intervals reaches past 0
    RunBuilder unpaired = new RunBuilder("drop-unpaired").examples(500)
        .proportions("rrn", TASK, "b16", "b20", METRIC, new int[] {8, 32}, 0.6, 0.55);
    ClaimVerdict kept = read(yaml).judge(unpaired.read(work)).get(0);
    assertEquals(ClaimStatus.NOT_REPRODUCED, kept.status(), kept::toString);
    assertTrue(kept.evidence().get(0).endsWith("; no drop beyond the noise (needs a drop beyond the noise >= 0.02; "
        + "by the intervals, unpaired: neither has outcomes)"), kept.evidence()::toString);
  }
}
