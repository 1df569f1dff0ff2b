package dev.reckon.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the claims' tests share: the verdicts of the bundled claims on a run written by {@link
 * RunBuilder} (proportions carry the Wilson interval of their examples, so "outside the noise"
 * means what it means in a real run), and claims files written inline.
 */
final class Verdicts {
  private Verdicts() {}

  /** The bundled claims judged on {@code run}, written into a directory of its own under {@code work}, by id. */
  static Map<String, ClaimVerdict> judge(RunBuilder run, Path work) {
    try {
      return byId(Claims.bundled().judge(run.read(Files.createTempDirectory(work, "run-"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, ClaimVerdict> byId(List<ClaimVerdict> verdicts) {
    Map<String, ClaimVerdict> byId = new LinkedHashMap<>();
    verdicts.forEach(verdict -> byId.put(verdict.claim().id(), verdict));
    return byId;
  }

  static void assertStatus(Map<String, ClaimVerdict> verdicts, ClaimStatus status, String... ids) {
    for (String id : ids) {
      assertEquals(status, verdicts.get(id).status(), () -> id + ": " + verdicts.get(id));
    }
  }

  /** A claims file from its text. */
  static Claims read(String yaml) throws IOException {
    return Claims.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
