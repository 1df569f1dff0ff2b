package dev.reckon.runner.plugins;

import dev.reckon.api.ReckonPlugin;
import dev.reckon.reports.claims.Claim;
import dev.reckon.reports.claims.Claims;
import dev.reckon.reports.claims.ClaimsFile;
import dev.reckon.reports.format.RunFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The claims files plugin jars ship ({@link ReckonPlugin#CLAIMS_FILE}), read as the report reads
 * them and copied into a run directory ({@link ClaimsFile#inRun}), so that the report, made from
 * the directory alone, decides them.
 */
public final class PluginClaims {
  /** Far more than any claims file needs; a larger one is refused rather than read into memory. */
  static final int MAX_BYTES = 1 << 20;

  private PluginClaims() {}

  /** A loaded jar's claims file, with its text. */
  private record Shipped(byte[] text, Claims claims) {}

  /**
   * The claims file of {@code jar}, or empty when it has none.
   *
   * @throws IllegalArgumentException saying why, when the file is too large, does not load, or
   *     reuses the id of one of the project's claims
   */
  public static Optional<Claims> read(Path jar) {
    return shipped(jar, ids(Claims.bundled())).map(Shipped::claims);
  }

  /**
   * Copies the claims file of every jar of {@code catalog} into {@code runDirectory}, in place of
   * what an earlier attempt of the run copied, and returns a warning for each file left out: one
   * that does not load or reuses an id of the project's claims or of an earlier jar's.
   */
  public static List<String> copy(PluginCatalog catalog, Path runDirectory) {
    List<String> warnings = new ArrayList<>();
    Path folder = runDirectory.resolve(RunFormat.CLAIMS);
    try {
      clear(folder);
      Set<String> project = ids(Claims.bundled());
      Set<String> taken = new HashSet<>(project);
      for (Path jar : catalog.plugins().stream().flatMap(plugin -> plugin.jars().stream()).map(Plugin.Jar::path)
          .toList()) {
        Optional<Shipped> shipped;
        try {
          shipped = shipped(jar, project);
        } catch (IllegalArgumentException e) {
          warnings.add(left(jar, e.getMessage()));
          continue;
        }
        if (shipped.isEmpty()) {
          continue;
        }
        List<String> reused = reused(shipped.get().claims(), taken);
        Path target = ClaimsFile.inRun(runDirectory, jar.getFileName().toString());
        if (!reused.isEmpty()) {
          warnings.add(left(jar, "another jar's claims already have the ids " + String.join(", ", reused)));
        } else if (Files.exists(target)) {
          warnings.add(left(jar, "another jar of the same name brought " + target.getFileName()));
        } else {
          taken.addAll(ids(shipped.get().claims()));
          Files.createDirectories(folder);
          Files.write(target, shipped.get().text());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the plugins' claims files into " + folder, e);
    }
    return warnings;
  }

  /** The claims file of {@code jar}, refused when it reuses one of the {@code project}'s claim ids. */
  private static Optional<Shipped> shipped(Path jar, Set<String> project) {
    byte[] text;
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry(ReckonPlugin.CLAIMS_FILE);
      if (entry == null) {
        return Optional.empty();
      }
      try (InputStream in = file.getInputStream(entry)) {
        text = in.readNBytes(MAX_BYTES + 1);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + ReckonPlugin.CLAIMS_FILE + ": " + e.getMessage(), e);
    }
    if (text.length > MAX_BYTES) {
      throw new IllegalArgumentException(ReckonPlugin.CLAIMS_FILE + " is larger than " + MAX_BYTES + " bytes");
    }
    Claims claims;
    try {
      claims = Claims.read(new ByteArrayInputStream(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(ReckonPlugin.CLAIMS_FILE + " does not load: " + e.getMessage(), e);
    }
    List<String> reused = reused(claims, project);
    if (!reused.isEmpty()) {
      throw new IllegalArgumentException(ReckonPlugin.CLAIMS_FILE + " reuses ids of the project's claims: "
          + String.join(", ", reused));
    }
    return Optional.of(new Shipped(text, claims));
  }

  private static String left(Path jar, String reason) {
    return "the claims of plugin jar " + jar.getFileName() + " are left out: " + reason;
  }

  /** The ids of {@code claims} already in {@code taken}, sorted. */
  private static List<String> reused(Claims claims, Set<String> taken) {
    return ids(claims).stream().filter(taken::contains).sorted().toList();
  }

  private static Set<String> ids(Claims claims) {
    Set<String> ids = new HashSet<>();
    Stream.concat(claims.claims().stream(), claims.sanityChecks().stream()).map(Claim::id).forEach(ids::add);
    return ids;
  }

  private static void clear(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
