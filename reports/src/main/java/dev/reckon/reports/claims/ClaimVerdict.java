package dev.reckon.reports.claims;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.measurements.MeasurementIndex;
import java.util.Comparator;
import java.util.List;

/**
 * What a run says of a claim, or of a harness sanity check, with the numbers it compared.
 *
 * @param evidence one line a comparison made (the failing ones first), or why nothing was measured
 * @param reason why the claim was not measured when the rules say (e.g. {@code models at chance});
 *     empty otherwise
 */
public record ClaimVerdict(Claim claim, ClaimStatus status, List<String> evidence, String reason) {
  public ClaimVerdict {
    requireNonNull(claim, "claim is null");
    requireNonNull(status, "status is null");
    evidence = List.copyOf(evidence);
    reason = reason == null ? "" : reason;
  }

  /** E.g. {@code reproduced}, {@code failed} (a sanity check) or {@code not measured: models at chance}. */
  public String label() {
    String word = claim.sanity() ? status.sanityText() : status.text();
    return reason.isEmpty() ? word : word + ": " + reason;
  }

  /**
   * Decides {@code claim} on one run from its rules' outcomes: not reproduced when any rule fails,
   * else not measured when any rule could not be decided (with the reasons they gave), else checked
   * by tests when a rule defers to them. A sanity check passes on the rules its run measured: a run
   * without the SET games still checks the oracle on sudoku. The evidence of failed rules comes
   * first.
   */
  public static ClaimVerdict of(Claim claim, MeasurementIndex index) {
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
    return new ClaimVerdict(claim, status, evidence, reason);
  }
}
