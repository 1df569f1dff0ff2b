package dev.reckon.reports.claims;

import static java.util.Objects.requireNonNull;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A claims file and where it came from: the project's own, bundled in this module, or a plugin
 * jar's, which a run copies into its {@link RunFormat#CLAIMS} folder.
 *
 * @param source e.g. {@code seeds/claims.yaml} or {@code plugin jar colouring-1.0}
 */
public record ClaimsFile(String source, Claims claims) {
  private static final String SUFFIX = ".yaml";

  public ClaimsFile {
    requireNonNull(source, "source is null");
    requireNonNull(claims, "claims is null");
  }

  /** The project's claims, seeds/claims.yaml. */
  public static ClaimsFile bundled() {
    return new ClaimsFile(Claims.BUNDLED, Claims.bundled());
  }

  /** Where a run keeps the claims file of the plugin jar named {@code jarName}. */
  public static Path inRun(Path runDirectory, String jarName) {
    return runDirectory.resolve(RunFormat.CLAIMS).resolve(jarName.replaceFirst("\\.jar$", "") + SUFFIX);
  }

  /**
   * The project's claims, then those of the plugins of every run, each jar once (as the first run
   * holding it has it), in the order of the runs and of the jars' names.
   *
   * @throws IllegalArgumentException naming the file, when a run holds one that does not load (the
   *     run checked it when it copied it, so the file has been changed since)
   */
  public static List<ClaimsFile> of(List<RunResults> runs) {
    Map<String, ClaimsFile> files = new LinkedHashMap<>();
    files.put(Claims.BUNDLED, bundled());
    for (RunResults run : runs) {
      Path folder = run.directory().resolve(RunFormat.CLAIMS);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> listing = Files.list(folder)) {
        for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
          String name = file.getFileName().toString();
          String source = "plugin jar " + name.substring(0, name.length() - SUFFIX.length());
          if (!files.containsKey(source)) {
            files.put(source, new ClaimsFile(source, read(file)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + folder, e);
      }
    }
    return new ArrayList<>(files.values());
  }

  private static Claims read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Claims.read(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the claims file " + file + " does not load: " + e.getMessage(), e);
    }
  }
}
