package dev.reckon.reports.claims;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run says of a claim, or of a harness sanity check, with the numbers it compared and how
 * many of the run's training seeds agree.
 *
 * @param evidence one line a comparison made (the failing ones first), or why nothing was measured;
 *     for a split, each seed's decision first
 * @param reason why the claim was not measured when the rules say (e.g. {@code models at chance});
 *     empty otherwise
 */
public record ClaimVerdict(Claim claim, ClaimStatus status, List<String> evidence, String reason,
    SeedAgreement agreement) {
  public ClaimVerdict {
    requireNonNull(claim, "claim is null");
    requireNonNull(status, "status is null");
    evidence = List.copyOf(evidence);
    reason = reason == null ? "" : reason;
    requireNonNull(agreement, "agreement is null");
  }

  /**
   * How the run's training seeds decided a claim, each alone.
   *
   * @param pooled the decision on the measurements pooled over the seeds
   * @param reproduced how many seeds reproduce the claim alone
   * @param decided how many seeds decide it alone, reproduced or not (a seed may leave it not measured)
   * @param seeds the run's training seeds
   */
  public record SeedAgreement(ClaimStatus pooled, int reproduced, int decided, int seeds) {
    /**
     * E.g. {@code in 3 of 3 seeds}, {@code (1 seed)}, or, for a split, {@code 1 of 3 seeds
     * reproduce; pooled, not reproduced}: of the seeds that decided the claim, with those that did
     * not.
     */
    String text(ClaimStatus status, boolean sanity) {
      if (seeds == 1) {
        return " (1 seed)";
      }
      String undecided = decided < seeds ? " (" + (seeds - decided) + " not measured)" : "";
      if (status == ClaimStatus.SPLIT) {
        return ": " + reproduced + " of " + decided + " seeds " + (sanity ? "pass" : "reproduce") + undecided
            + "; pooled, " + (sanity ? pooled.sanityText() : pooled.text());
      }
      int agreeing = status == ClaimStatus.REPRODUCED ? reproduced : decided - reproduced;
      return decided == 0 ? " pooled over " + seeds + " seeds, by no seed alone"
          : " in " + agreeing + " of " + decided + " seeds" + undecided;
    }
  }

  /**
   * E.g. {@code reproduced in 3 of 3 seeds}, {@code split: 1 of 3 seeds reproduce; pooled, not
   * reproduced}, {@code failed (1 seed)} (a sanity check) or {@code not measured: models at chance}.
   */
  public String label() {
    String word = claim.sanity() ? status.sanityText() : status.text();
    if (status.decided()) {
      return word + agreement.text(status, claim.sanity());
    }
    return reason.isEmpty() ? word : word + ": " + reason;
  }

  /**
   * Decides {@code claim} on one run: on the measurements pooled over its seeds and on each seed
   * alone. It is reproduced when the pooled decision and every seed that decided it alone reproduce
   * it, not reproduced when none of them does, and split when they disagree; not measured or
   * checked by tests as the pooled decision says.
   */
  public static ClaimVerdict of(Claim claim, SeedReadings readings) {
    Outcome pooled = decide(claim, readings.pooled());
    Map<Long, Outcome> bySeed = new LinkedHashMap<>();
    readings.bySeed().forEach((seed, index) -> bySeed.put(seed, decide(claim, index)));
    List<Outcome> seeds = bySeed.isEmpty() ? List.of(pooled) : List.copyOf(bySeed.values());
    int reproduced = (int) seeds.stream().filter(o -> o.status() == ClaimStatus.REPRODUCED).count();
    int decided = (int) seeds.stream().filter(o -> o.status().decided()).count();
    boolean split = pooled.status() == ClaimStatus.REPRODUCED ? reproduced < decided
        : pooled.status() == ClaimStatus.NOT_REPRODUCED && reproduced > 0;
    List<String> evidence = new ArrayList<>();
    if (split) {
      bySeed.forEach((seed, o) -> evidence.add("seed " + seed + ": " + (claim.sanity() ? o.status().sanityText()
          : o.status().text()) + (o.status() == ClaimStatus.NOT_REPRODUCED ? ": " + o.evidence().get(0) : "")));
    }
    evidence.addAll(pooled.evidence());
    return new ClaimVerdict(claim, split ? ClaimStatus.SPLIT : pooled.status(), evidence, pooled.reason(),
        new SeedAgreement(pooled.status(), reproduced, decided, readings.seeds()));
  }

  /**
   * Decides {@code claim} on one reading of a run from its rules' outcomes: not reproduced when any
   * rule fails, else not measured when any rule could not be decided (with the reasons they gave),
   * else checked by tests when a rule defers to them. A sanity check passes on the rules its run
   * measured: a run without the SET games still checks the oracle on sudoku. The evidence of failed
   * rules comes first.
   */
  private static Outcome decide(Claim claim, MeasurementIndex index) {
    List<Outcome> outcomes = claim.rules().stream().map(rule -> rule.evaluate(index)).toList();
    ClaimStatus status = ClaimStatus.REPRODUCED;
    for (ClaimStatus worst : List.of(ClaimStatus.CHECKED_BY_TESTS, ClaimStatus.NOT_MEASURED,
        ClaimStatus.NOT_REPRODUCED)) {
      if (outcomes.stream().anyMatch(o -> o.status() == worst)) {
        status = worst;
      }
    }
    if (claim.sanity() && status == ClaimStatus.NOT_MEASURED
        && outcomes.stream().anyMatch(o -> o.status() == ClaimStatus.REPRODUCED)) {
      status = ClaimStatus.REPRODUCED;
    }
    String reason = status != ClaimStatus.NOT_MEASURED ? "" : String.join("; ", outcomes.stream()
        .filter(o -> o.status() == ClaimStatus.NOT_MEASURED).map(Outcome::reason).filter(r -> !r.isEmpty()).distinct()
        .toList());
    List<String> evidence = outcomes.stream()
        .sorted(Comparator.comparing(o -> o.status() != ClaimStatus.NOT_REPRODUCED))
        .flatMap(o -> o.evidence().stream()).distinct().toList();
    return new Outcome(status, evidence, reason);
  }
}
