package dev.reckon.reports.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The claims file, seeds/claims.yaml: the research notes by key, their claims, and the harness's own
 * sanity checks (decided by the same rules, reported in a section of their own). The file is bundled
 * in this module's jar, so a report judges the claims wherever it runs.
 *
 * @param notes per key, a one-line description of a research note
 * @param sanityChecks checks of the harness itself (e.g. the oracle scores perfectly), each without
 *     a note; read as claims of the note {@link Claim#HARNESS}
 */
public record Claims(Map<String, String> notes, List<Claim> claims,
    @JsonProperty("sanity_checks") List<Claim> sanityChecks) {
  public static final String BUNDLED = "seeds/claims.yaml";

  public Claims {
    notes = notes == null ? Map.of() : Map.copyOf(notes);
    claims = claims == null ? List.of() : List.copyOf(claims);
    sanityChecks = sanityChecks == null ? List.of() : sanityChecks.stream().map(check -> {
      if (!check.note().isEmpty() && !check.sanity()) {
        throw new IllegalArgumentException("sanity check " + check.id() + " names a note; sanity checks have none");
      }
      return check.asSanityCheck();
    }).toList();
    Set<String> ids = new HashSet<>();
    for (Claim claim : Stream.concat(claims.stream(), sanityChecks.stream()).toList()) {
      if (!ids.add(claim.id())) {
        throw new IllegalArgumentException("two claims are named " + claim.id());
      }
    }
    for (Claim claim : claims) {
      if (claim.sanity() || !notes.containsKey(claim.note())) {
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
   *     rule kind is an error, so that a typo cannot silently weaken a rule), saying which claim and
   *     rule, what is wrong, and where in the file
   */
  public static Claims read(InputStream in) throws IOException {
    byte[] text = in.readAllBytes();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try {
      return yaml.readValue(text, Claims.class);
    } catch (JsonMappingException e) {
      // Jackson names the list index of the claim; people know it by its id, and the rule by its kind
      String problem = e.getCause() instanceof IllegalArgumentException ? e.getCause().getMessage()
          : e.getOriginalMessage();
      JsonLocation at = e.getLocation();
      throw new IOException(where(yaml.readTree(text), e.getPath()) + problem
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
    }
  }

  /** E.g. {@code claim dt-net-plain-overthinks, rule 2 (drop_after_best): }; empty above the claims. */
  private static String where(JsonNode file, List<JsonMappingException.Reference> path) {
    if (path.size() < 2 || path.get(1).getIndex() < 0) {
      return "";
    }
    String list = path.get(0).getFieldName();
    int index = path.get(1).getIndex();
    JsonNode claim = file.path(list).path(index);
    String where = (list.equals("sanity_checks") ? "sanity check " : "claim ")
        + claim.path("id").asText("number " + (index + 1));
    if (path.size() > 3 && "rules".equals(path.get(2).getFieldName()) && path.get(3).getIndex() >= 0) {
      int rule = path.get(3).getIndex();
      where += ", rule " + (rule + 1) + " (" + claim.path("rules").path(rule).path("kind").asText("no kind") + ")";
    }
    return where + ": ";
  }

  /**
   * Every claim decided on one run (pooled over its seeds and on each seed alone), in file order, then every sanity check ({@link Claim#sanity()}
   * tells them apart).
   */
  public List<ClaimVerdict> judge(RunResults run) {
    SeedReadings readings = SeedReadings.of(run);
    return Stream.concat(claims.stream(), sanityChecks.stream()).map(claim -> ClaimVerdict.of(claim, readings))
        .toList();
  }
}
