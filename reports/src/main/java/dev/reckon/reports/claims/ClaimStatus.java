package dev.reckon.reports.claims;

import java.util.Locale;

/** What a run says of a claim, or one of its rules. */
public enum ClaimStatus {
  REPRODUCED,
  NOT_REPRODUCED,
  /**
   * A claim's only, never a rule's: the run's training seeds, each decided alone, and the decision
   * pooled over them do not agree (some reproduce it, some do not). Never reproduced.
   */
  SPLIT,
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

  /** Whether a run decided the claim: reproduced or not, by every seed or split between them. */
  boolean decided() {
    return this == REPRODUCED || this == NOT_REPRODUCED || this == SPLIT;
  }

  /** Whether some decision of the run went against the claim: not reproduced, or split between seeds. */
  public boolean contradicted() {
    return this == NOT_REPRODUCED || this == SPLIT;
  }
}
