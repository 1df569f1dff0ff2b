package dev.reckon.reports;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a run says of a claim, or of a harness sanity check, with the numbers it compared.
 *
 * @param evidence one line a comparison made (the failing ones first), or why nothing was measured
 * @param reason why the claim was not measured when the rules say (e.g. {@code models at chance});
 *     empty otherwise
 */
public record ClaimVerdict(Claim claim, Status status, List<String> evidence, String reason) {
  /** Lines of evidence kept per rule; a report states how many more there were. */
  static final int EVIDENCE_PER_RULE = 4;

  /** The reason of a trend or separation whose models sit at chance on every selected level. */
  static final String AT_CHANCE = "models at chance";

  public enum Status {
    REPRODUCED,
    NOT_REPRODUCED,
    /** The run lacks the models, tasks, levels or metrics the rule needs, or its models sit at chance. */
    NOT_MEASURED,
    /** Decided by the project's unit tests, not by a run's results. */
    CHECKED_BY_TESTS;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The word a sanity check uses: passed or failed rather than reproduced or not. */
    public String sanityText() {
      return switch (this) {
        case REPRODUCED -> "passed";
        case NOT_REPRODUCED -> "failed";
        default -> text();
      };
    }
  }

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
   * One comparison a rule made: whether it held, by how much (negative when it failed), and the
   * numbers, for people.
   */
  record Finding(boolean holds, double margin, String text) {}

  /**
   * A level a rule left out because it cannot decide there, e.g. its models sit at chance.
   *
   * @param reason why, in a few words: {@link #AT_CHANCE} or a rule's own
   * @param numbers the numbers that put it there
   */
  record LeftOut(String reason, String numbers) {}

  /** What one rule concluded; {@code reason} says why it was not measured, when it knows. */
  record Outcome(Status status, List<String> evidence, String reason) {
    Outcome {
      evidence = List.copyOf(evidence);
      reason = reason == null ? "" : reason;
    }

    /** {@link #of(List, List, String)} for a rule without a chance check. */
    static Outcome of(List<Finding> findings, String sought) {
      return of(findings, List.of(), sought);
    }

    /**
     * Reproduced when every finding holds, not reproduced when one does not; not measured when there
     * are none, for the reasons of the levels left out (e.g. "models at chance") when there were some.
     * The evidence lists the failed findings first, then those that held by the least: the numbers
     * that decided; then the levels left out.
     *
     * @param leftOut the levels that decided nothing, each with its reason and numbers
     * @param sought what the rule looked for, to say what was missing
     */
    static Outcome of(List<Finding> findings, List<LeftOut> leftOut, String sought) {
      if (findings.isEmpty()) {
        return leftOut.isEmpty() ? new Outcome(Status.NOT_MEASURED, List.of("no results for " + sought), "")
            : new Outcome(Status.NOT_MEASURED, limited(leftOut.stream().map(LeftOut::numbers).toList()),
                String.join("; ", leftOut.stream().map(LeftOut::reason).distinct().toList()));
      }
      boolean holds = findings.stream().allMatch(Finding::holds);
      List<Finding> ordered = findings.stream()
          .sorted(Comparator.comparing(Finding::holds).thenComparingDouble(Finding::margin)).toList();
      List<String> lines = new ArrayList<>(limited(ordered.stream().map(Finding::text).toList()));
      leftOut.forEach(level -> lines.add("not counted, " + level.reason() + ": " + level.numbers()));
      return new Outcome(holds ? Status.REPRODUCED : Status.NOT_REPRODUCED, lines, "");
    }

    private static List<String> limited(List<String> lines) {
      List<String> kept = new ArrayList<>(lines.subList(0, Math.min(EVIDENCE_PER_RULE, lines.size())));
      if (lines.size() > EVIDENCE_PER_RULE) {
        kept.add("and " + (lines.size() - EVIDENCE_PER_RULE) + " more comparisons");
      }
      return kept;
    }
  }

  /**
   * A claim's verdict from its rules' outcomes: not reproduced when any rule fails, else not
   * measured when any rule could not be decided (with the reasons they gave), else checked by tests
   * when a rule defers to them. A sanity check passes on the rules its run measured: a run without
   * the SET games still checks the oracle on sudoku. The evidence of failed rules comes first.
   */
  static ClaimVerdict of(Claim claim, List<Outcome> outcomes) {
    Status status = Status.REPRODUCED;
    for (Status worst : List.of(Status.CHECKED_BY_TESTS, Status.NOT_MEASURED, Status.NOT_REPRODUCED)) {
      if (outcomes.stream().anyMatch(o -> o.status() == worst)) {
        status = worst;
      }
    }
    if (claim.sanity() && status == Status.NOT_MEASURED
        && outcomes.stream().anyMatch(o -> o.status() == Status.REPRODUCED)) {
      status = Status.REPRODUCED;
    }
    String reason = status != Status.NOT_MEASURED ? "" : String.join("; ", outcomes.stream()
        .filter(o -> o.status() == Status.NOT_MEASURED).map(Outcome::reason).filter(r -> !r.isEmpty()).distinct()
        .toList());
    List<String> evidence = outcomes.stream()
        .sorted(Comparator.comparing(o -> o.status() != Status.NOT_REPRODUCED))
        .flatMap(o -> o.evidence().stream()).distinct().toList();
    return new ClaimVerdict(claim, status, evidence, reason);
  }
}
