package dev.reckon.tck;

import static java.util.Objects.requireNonNull;

/**
 * One property of a plugin, checked.
 *
 * @param subject what was checked, e.g. {@code task sudoku-4x4} or {@code model rrn on sudoku-4x4}
 * @param property the property, in words, e.g. {@code same seed, same data}
 * @param verdict whether it held
 * @param detail what was seen: the broken rule when it failed, why not when it does not apply
 */
public record Check(String subject, String property, Verdict verdict, String detail) {
  /** Whether a property held. */
  public enum Verdict {
    PASSED,
    FAILED,
    /** The property does not apply, e.g. save and load for a model that keeps no checkpoint. */
    NOT_APPLICABLE
  }

  public Check {
    requireNonNull(subject, "subject is null");
    requireNonNull(property, "property is null");
    requireNonNull(verdict, "verdict is null");
    requireNonNull(detail, "detail is null");
  }

  public boolean failed() {
    return verdict == Verdict.FAILED;
  }
}
