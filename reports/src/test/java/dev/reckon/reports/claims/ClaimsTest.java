package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.assertStatus;
import static dev.reckon.reports.claims.Verdicts.byId;
import static dev.reckon.reports.claims.Verdicts.read;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claims file: the bundled one, a malformed one refused with where it is wrong, and the hand-made
 * fixture runs judged.
 */
class ClaimsTest {
  @TempDir Path work;

  @Test
  void theBundledFileHoldsEveryClaimAndEverySanityCheck() {
    Claims claims = Claims.bundled();
    assertEquals(List.of("rrn-more-iterations", "rrn-generalises", "set-game-easy", "shatter-needs-dimension",
        "union-81-improves-with-dimension", "entropy-rises-as-d-falls", "shared-attribute-rank", "deq-trains-faster",
        "deq-more-accurate", "deq-less-memory", "deq-collapses", "learned-adjacency-below-rrn",
        "infonce-converges-to-pmi", "recurrence-does-not-catch-larger", "recurrence-does-not-catch-longer-training",
        "probe-finds-cities-not-paths", "sorting-recurrence-does-not-catch-up",
        "dt-net-recall-keeps-accuracy-on-mazes", "dt-net-recall-keeps-accuracy-on-prefix-sums",
        "dt-net-plain-overthinks-on-mazes", "dt-net-plain-overthinks-on-prefix-sums",
        "dt-net-thinks-longer-on-larger-mazes", "dt-net-recall-beats-plain-when-run-long-on-mazes",
        "dt-net-recall-beats-plain-when-run-long-on-prefix-sums", "recurrence-solves-larger-mazes-by-thinking-longer"),
        claims.claims().stream().map(Claim::id).toList());
    assertEquals(List.of("oracle-perfect", "propagation-complete", "classical-references-complete"),
        claims.sanityChecks().stream().map(Claim::id).toList());
    assertTrue(claims.sanityChecks().stream().allMatch(Claim::sanity));
    assertFalse(claims.claims().stream().anyMatch(Claim::sanity));
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
    assertThrows(IOException.class, () -> read(good + "      - {kind: dimension_trend, models: [x], task: t, "
        + "levels: [all], trend: falls, slack: 0.05}"), "slack is gone: trends are judged on the noise");
    assertThrows(IOException.class, () -> read(good + "      - {kind: more_iterations, model: x, task: t, "
        + "levels: [all], steps: [T, 4T], chance: {modle: uniform}}"));
    assertThrows(IOException.class, () -> read(good + "      - {kind: above_model, model: x, against: y, task: t, "
        + "levels: [all], on_every: much_better}"));
    assertThrows(IOException.class, () -> read(good + "      - {kind: collapses, model: x, task: t, "
        + "min_updates: 5}"), "a collapse needs its bounds");
    String sanity = "notes: {n: a note}\nclaims: []\nsanity_checks:\n  - id: s\n    statement: s\n    rules:\n"
        + "      - {kind: not_recorded, reason: r}\n";
    assertEquals(List.of("s"), assertDoesNotThrow(() -> read(sanity)).sanityChecks().stream().map(Claim::id).toList());
    assertThrows(IOException.class, () -> read(sanity.replace("  - id: s\n", "  - id: s\n    note: n\n")),
        "a sanity check has no note");
    assertThrows(IOException.class, () -> read(good + "      - {kind: not_recorded, reason: r}\n"
        + sanity.substring(sanity.indexOf("sanity_checks")).replace("id: s", "id: c")), "ids are unique across both");
  }

  /** The hand-made fixtures of src/test/resources/runs still decide what they hold. */
  @Test
  void theHandMadeFixturesAreJudged() {
    Map<String, ClaimVerdict> set = byId(Claims.bundled().judge(Fixtures.read(Fixtures.SET, work.resolve("a"))));
    assertStatus(set, ClaimStatus.REPRODUCED, "set-game-easy", "shatter-needs-dimension", "entropy-rises-as-d-falls");
    Map<String, ClaimVerdict> sudoku = byId(Claims.bundled().judge(Fixtures.read(Fixtures.SUDOKU,
        work.resolve("b"))));
    // 100 puzzles a level: 4T's 0.55 on minimal is within the noise of T's 0.45
    assertStatus(sudoku, ClaimStatus.NOT_REPRODUCED, "rrn-more-iterations");
    assertStatus(sudoku, ClaimStatus.REPRODUCED, "rrn-generalises", "deq-trains-faster", "deq-less-memory");
  }
}
