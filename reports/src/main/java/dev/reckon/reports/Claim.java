package dev.reckon.reports;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A claim of a research note that the harness reproduces, in the project's words, with the rules
 * that decide it from a run's results (see seeds/README.md).
 *
 * @param id a short stable name, e.g. {@code shatter-needs-dimension}
 * @param note which note it comes from (a key of the claims file's {@code notes})
 * @param statement the claim as the rules decide it
 * @param reference what the note reports, the figure where there is one; may be empty
 * @param rules all must hold for the claim to be reproduced
 */
public record Claim(String id, String note, String statement, String reference, List<ClaimRule> rules) {
  public Claim {
    requireNonNull(id, "id is null");
    requireNonNull(note, "note is null");
    requireNonNull(statement, "statement is null");
    reference = reference == null ? "" : reference;
    rules = List.copyOf(requireNonNull(rules, "rules is null"));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("claim " + id + " has no rules");
    }
  }

  /** Decides the claim on one run. */
  ClaimVerdict judge(MeasurementIndex index) {
    return ClaimVerdict.of(this, rules.stream().map(rule -> rule.evaluate(index)).toList());
  }
}
