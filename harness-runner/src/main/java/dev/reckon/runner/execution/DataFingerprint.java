package dev.reckon.runner.execution;

import dev.reckon.api.Dataset;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sha256 of a dataset's canonical bytes ({@link Dataset#writeCanonical}): which examples a cell
 * trained and was evaluated on, so that two runs can tell whether they saw the same ones. The bytes
 * stream through the digest, never held whole: a training set may be hundreds of megabytes.
 */
final class DataFingerprint {
  private DataFingerprint() {}

  /** Empty when the dataset defines no canonical form. */
  static Optional<String> sha256(Dataset data) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new DigestOutputStream(OutputStream.nullOutputStream(), digest), 1 << 16))) {
      if (!data.writeCanonical(out)) {
        return Optional.empty();
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dataset's canonical form", e);
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }
}
