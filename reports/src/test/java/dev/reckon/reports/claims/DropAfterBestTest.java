package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropAfterBestTest {
  @TempDir Path work;

  @Test
  void aDropAfterTheBestIsReadInTheMetricsDirection() throws IOException {
    // KL divergence: lower is better, so the best is the smallest and a drop is a rise
    RunBuilder run = new RunBuilder("kl").row("m", "set-27", "union", "union", 1, "kl_divergence", 0.5, 0.48, 0.52)
        .row("m", "set-27", "union", "union", 2, "kl_divergence", 0.1, 0.08, 0.12)
        .row("m", "set-27", "union", "union", 4, "kl_divergence", 0.4, 0.38, 0.42);
    String yaml = "notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n    rules:\n"
        + "      - {kind: drop_after_best, model: m, task: set-27, levels: [all], at_least: %s}\n";
    RunResults results = run.read(work);
    ClaimVerdict holds = read(String.format(yaml, "0.2")).judge(results).get(0);
    assertEquals(ClaimStatus.REPRODUCED, holds.status());
    assertEquals(List.of("m on set-27 union, kl_divergence best at 2: 0.1 [0.08, 0.12], at its largest count 4: 0.4 "
        + "[0.38, 0.42]; drops 0.272 beyond the noise (needs a drop beyond the noise >= 0.2; "
        + "by the intervals, unpaired: neither has outcomes)"), holds.evidence());
    assertEquals(ClaimStatus.NOT_REPRODUCED, read(String.format(yaml, "0.3")).judge(results).get(0).status());
  }

  @Test
  void aMalformedDropAfterBestNamesTheClaimTheRuleAndTheField() {
    String claim = "notes: {n: a note}\nclaims:\n  - id: plain-overthinks\n    note: n\n    statement: s\n"
        + "    rules:\n      - {kind: not_recorded, reason: r}\n      - {kind: drop_after_best, %s}\n";
    assertEquals("claim plain-overthinks, rule 2 (drop_after_best): lacks the required field task (line 8, column 74)",
        assertThrows(IOException.class, () -> read(String.format(claim, "model: x, levels: [harder], at_least: 0.1")))
            .getMessage());
    for (String bounds : List.of("", ", at_most: 0.05, at_least: 0.1")) {
      assertTrue(assertThrows(IOException.class, () -> read(String.format(claim, "model: x, task: t, levels: [all]"
          + bounds))).getMessage().startsWith("claim plain-overthinks, rule 2 (drop_after_best): drop_after_best takes "
          + "one bound: at_most (accuracy kept) or at_least (the model overthinks)"), bounds);
    }
    assertTrue(assertThrows(IOException.class, () -> read(String.format(claim, "model: x, task: t, levels: [all], "
        + "at_most: -0.05"))).getMessage().contains("the bound of drop_after_best is a drop, at least 0"));
    assertTrue(assertThrows(IOException.class, () -> read(String.format(claim, "model: x, task: t, levels: [all], "
        + "at_most: 0.05, slack: 0.01"))).getMessage().startsWith("claim plain-overthinks, rule 2 (drop_after_best): "
        + "Unrecognized field \"slack\""));
  }
}
