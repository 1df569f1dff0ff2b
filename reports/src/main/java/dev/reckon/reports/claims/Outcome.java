package dev.reckon.reports.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What one rule concluded; {@code reason} says why it was not measured, when it knows. */
record Outcome(ClaimStatus status, List<String> evidence, String reason) {
  /** Lines of evidence kept per rule; a report states how many more there were. */
  private static final int EVIDENCE_PER_RULE = 4;

  Outcome {
    evidence = List.copyOf(evidence);
    reason = reason == null ? "" : reason;
  }

  /**
   * One comparison a rule made: whether it held, by how much (negative when it failed), and the
   * numbers, for people.
   */
  record Finding(boolean holds, double margin, String text) {}

  /**
   * A level a rule left out because it cannot decide there, e.g. its models sit at chance.
   *
   * @param reason why, in a few words: {@code models at chance} or a rule's own
   * @param numbers the numbers that put it there
   */
  record LeftOut(String reason, String numbers) {}

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
      return leftOut.isEmpty() ? new Outcome(ClaimStatus.NOT_MEASURED, List.of("no results for " + sought), "")
          : new Outcome(ClaimStatus.NOT_MEASURED, limited(leftOut.stream().map(LeftOut::numbers).toList()),
              String.join("; ", leftOut.stream().map(LeftOut::reason).distinct().toList()));
    }
    boolean holds = findings.stream().allMatch(Finding::holds);
    List<Finding> ordered = findings.stream()
        .sorted(Comparator.comparing(Finding::holds).thenComparingDouble(Finding::margin)).toList();
    List<String> lines = new ArrayList<>(limited(ordered.stream().map(Finding::text).toList()));
    leftOut.forEach(level -> lines.add("not counted, " + level.reason() + ": " + level.numbers()));
    return new Outcome(holds ? ClaimStatus.REPRODUCED : ClaimStatus.NOT_REPRODUCED, lines, "");
  }

  private static List<String> limited(List<String> lines) {
    List<String> kept = new ArrayList<>(lines.subList(0, Math.min(EVIDENCE_PER_RULE, lines.size())));
    if (lines.size() > EVIDENCE_PER_RULE) {
      kept.add("and " + (lines.size() - EVIDENCE_PER_RULE) + " more comparisons");
    }
    return kept;
  }
}
