package dev.reckon.runner;

/**
 * A command that could not finish for a reason outside what was asked, a file it could not write
 * (a full disk): reported as one sentence saying what to do next, exit status {@link Reckon#FAILED}.
 * The stack trace is kept where the command keeps its log, never on the terminal.
 */
final class CommandFailedException extends RuntimeException {
  CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
