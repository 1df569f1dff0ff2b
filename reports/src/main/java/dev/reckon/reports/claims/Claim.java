package dev.reckon.reports.claims;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.format.RunResults;
import java.util.List;

/**
 * A claim of a research note that the harness reproduces, in the project's words, with the rules
 * that decide it from a run's results (see seeds/README.md); or, with the note {@link #HARNESS}, one
 * of the harness's own sanity checks (the claims file's {@code sanity_checks}), which reports show
 * apart and call passed or failed.
 *
 * @param id a short stable name, e.g. {@code shatter-needs-dimension}
 * @param note which note it comes from (a key of the claims file's {@code notes}), or {@link #HARNESS}
 * @param statement the claim as the rules decide it
 * @param reference what the note reports, the figure where there is one; may be empty
 * @param rules all must hold for the claim to be reproduced
 */
public record Claim(String id, String note, String statement, String reference, List<ClaimRule> rules) {
  /** The note of a sanity check: the harness itself, not a research note. */
  public static final String HARNESS = "harness";

  public Claim {
    requireNonNull(id, "id is null");
    note = note == null ? "" : note;
    requireNonNull(statement, "statement is null");
    reference = reference == null ? "" : reference;
    rules = List.copyOf(requireNonNull(rules, "rules is null"));
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("claim " + id + " has no rules");
    }
  }

  /** Whether this is a harness sanity check rather than a claim of a note. */
  public boolean sanity() {
    return note.equals(HARNESS);
  }

  /** The same check, filed as a harness sanity check. */
  Claim asSanityCheck() {
    return new Claim(id, HARNESS, statement, reference, rules);
  }

  /**
   * Whether {@code run} has the tasks and models every rule speaks of (see {@link ClaimRule.Subject});
   * for a sanity check, those of one rule, as a check passes on the rules its run measured.
   */
  public boolean speaksOf(RunResults run) {
    List<Boolean> spoken = rules.stream().flatMap(rule -> rule.speaksOf(run).stream()).toList();
    return sanity() && !spoken.isEmpty() ? spoken.contains(true) : !spoken.contains(false);
  }

  /**
   * Whether the plugins {@code run} loaded offer what the claim speaks of (every rule's, or one
   * rule's for a sanity check), whether or not the run ran them.
   */
  public boolean measurableWith(RunResults run) {
    return sanity() ? rules.stream().anyMatch(rule -> rule.measurableWith(run))
        : rules.stream().allMatch(rule -> rule.measurableWith(run));
  }
}
