package dev.reckon.reports;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a run says of a claim, with the numbers it compared.
 *
 * @param evidence one line a comparison made (the failing ones first), or why nothing was measured
 */
public record ClaimVerdict(Claim claim, Status status, List<String> evidence) {
  /** Lines of evidence kept per rule; a report states how many more there were. */
  static final int EVIDENCE_PER_RULE = 4;

  public enum Status {
    REPRODUCED,
    NOT_REPRODUCED,
    /** The run lacks the models, tasks, levels or metrics the rule needs. */
    NOT_MEASURED,
    /** Decided by the project's unit tests, not by a run's results. */
    CHECKED_BY_TESTS;

    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  public ClaimVerdict {
    requireNonNull(claim, "claim is null");
    requireNonNull(status, "status is null");
    evidence = List.copyOf(evidence);
  }

  /**
   * One comparison a rule made: whether it held, by how much (negative when it failed), and the
   * numbers, for people.
   */
  record Finding(boolean holds, double margin, String text) {}

  /** What one rule concluded. */
  record Outcome(Status status, List<String> evidence) {
    Outcome {
      evidence = List.copyOf(evidence);
    }

    /**
     * Reproduced when every finding holds, not reproduced when one does not, not measured when there
     * are none. The evidence lists the failed findings first, then those that held by the least: the
     * numbers that decided.
     *
     * @param sought what the rule looked for, to say what was missing
     */
    static Outcome of(List<Finding> findings, String sought) {
      if (findings.isEmpty()) {
        return new Outcome(Status.NOT_MEASURED, List.of("no results for " + sought));
      }
      boolean holds = findings.stream().allMatch(Finding::holds);
      List<Finding> ordered = findings.stream()
          .sorted(Comparator.comparing(Finding::holds).thenComparingDouble(Finding::margin)).toList();
      List<String> lines = new ArrayList<>();
      ordered.stream().limit(EVIDENCE_PER_RULE).forEach(f -> lines.add(f.text()));
      if (ordered.size() > EVIDENCE_PER_RULE) {
        lines.add("and " + (ordered.size() - EVIDENCE_PER_RULE) + " more comparisons");
      }
      return new Outcome(holds ? Status.REPRODUCED : Status.NOT_REPRODUCED, lines);
    }
  }

  /**
   * A claim's verdict from its rules' outcomes: not reproduced when any rule fails, else not
   * measured when any rule could not be decided, else checked by tests when a rule defers to them.
   */
  static ClaimVerdict of(Claim claim, List<Outcome> outcomes) {
    Status status = Status.REPRODUCED;
    for (Status worst : List.of(Status.CHECKED_BY_TESTS, Status.NOT_MEASURED, Status.NOT_REPRODUCED)) {
      if (outcomes.stream().anyMatch(o -> o.status() == worst)) {
        status = worst;
      }
    }
    return new ClaimVerdict(claim, status, outcomes.stream().flatMap(o -> o.evidence().stream()).distinct().toList());
  }
}
