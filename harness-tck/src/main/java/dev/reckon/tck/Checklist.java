package dev.reckon.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The checks of one subject, made one after another: a property's body passes by returning,
 * fails by throwing (its message is the detail), and does not apply by throwing {@link
 * NotApplicable}. A plugin's exception fails the one property, never the checks after it.
 */
final class Checklist {
  /** A body that may throw anything a plugin throws. */
  interface Body {
    void run() throws Exception;
  }

  /** Thrown by a body whose property does not apply to the subject; its message says why. */
  static final class NotApplicable extends RuntimeException {
    NotApplicable(String why) {
      super(why);
    }
  }

  /** Thrown by a body whose property is broken; its message names the rule. */
  static final class Broken extends RuntimeException {
    Broken(String message) {
      super(message);
    }
  }

  private final String subject;
  private final Consumer<Check> sink;
  private final List<Check> checks = new ArrayList<>();

  /** The checks of {@code subject}, each also handed to {@code sink} as soon as it is made. */
  Checklist(String subject, Consumer<Check> sink) {
    this.subject = subject;
    this.sink = sink;
  }

  void check(String property, Body body) {
    Check check;
    try {
      body.run();
      check = new Check(subject, property, Check.Verdict.PASSED, "");
    } catch (NotApplicable e) {
      check = new Check(subject, property, Check.Verdict.NOT_APPLICABLE, e.getMessage());
    } catch (Exception | Error e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      check = new Check(subject, property, Check.Verdict.FAILED,
          e instanceof Broken || e instanceof BoundaryRules.Violation ? message
              : "threw " + e.getClass().getName() + ": " + message);
    }
    add(check);
  }

  /** A check made elsewhere, e.g. one that needs no body. */
  void add(Check check) {
    checks.add(check);
    sink.accept(check);
  }

  /** A property that does not apply; an unchecked exception so that bodies can call it anywhere. */
  static NotApplicable notApplicable(String why) {
    return new NotApplicable(why);
  }

  /** @throws Broken with {@code message} unless {@code holds} */
  static void require(boolean holds, String message) {
    if (!holds) {
      throw new Broken(message);
    }
  }

  String subject() {
    return subject;
  }

  List<Check> checks() {
    return List.copyOf(checks);
  }
}
