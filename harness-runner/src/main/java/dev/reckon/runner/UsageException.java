package dev.reckon.runner;

/** A mistake in what the user asked for: reported as one plain sentence, exit status 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
