package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotRecordedTest {
  @TempDir Path work;

  @Test
  void aNotRecordedRuleIsNeverMeasured() throws IOException {
    Claims claims = read("notes: {n: a note}\nclaims:\n  - id: c\n    note: n\n    statement: s\n    rules:\n"
        + "      - {kind: not_recorded, reason: the harness keeps no such number}\n");
    ClaimVerdict verdict = claims.judge(new SudokuRun().builder().read(work)).get(0);
    assertEquals(ClaimStatus.NOT_MEASURED, verdict.status());
    assertEquals("not measured: not recorded", verdict.label());
    assertEquals(List.of("the harness keeps no such number"), verdict.evidence());
  }
}
