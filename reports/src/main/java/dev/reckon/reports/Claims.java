package dev.reckon.reports;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims file, seeds/claims.yaml: the research notes by key and their claims. The file is
 * bundled in this module's jar, so a report judges the claims wherever it runs.
 *
 * @param notes per key, a one-line description of a research note
 */
public record Claims(Map<String, String> notes, List<Claim> claims) {
  static final String BUNDLED = "seeds/claims.yaml";

  public Claims {
    notes = Map.copyOf(requireNonNull(notes, "notes is null"));
    claims = List.copyOf(requireNonNull(claims, "claims is null"));
    Set<String> ids = new HashSet<>();
    for (Claim claim : claims) {
      if (!ids.add(claim.id())) {
        throw new IllegalArgumentException("two claims are named " + claim.id());
      }
      if (!notes.containsKey(claim.note())) {
        throw new IllegalArgumentException("claim " + claim.id() + " names an unknown note " + claim.note());
      }
    }
  }

  /** The project's claims, seeds/claims.yaml. */
  public static Claims bundled() {
    try (InputStream in = Claims.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLED + " is missing from the reports jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED, e);
    }
  }

  /**
   * Reads a claims file.
   *
   * @throws IOException when it cannot be read or does not match the format (an unknown field or
   *     rule kind is an error, so that a typo cannot silently weaken a rule)
   */
  public static Claims read(InputStream in) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readValue(in, Claims.class);
  }

  /** Every claim decided on one run, in file order. */
  public List<ClaimVerdict> judge(RunResults run) {
    MeasurementIndex index = new MeasurementIndex(run);
    return claims.stream().map(claim -> claim.judge(index)).toList();
  }
}
