package dev.reckon.reports.claims;

import static dev.reckon.reports.claims.Verdicts.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckedByTestsTest {
  @TempDir Path work;

  @Test
  void theSharedAttributeRankIsCheckedByTestsWhateverTheRun() {
    for (RunBuilder run : List.of(new SudokuRun().builder(), new GameRun().builder())) {
      ClaimVerdict verdict = judge(run, work).get("shared-attribute-rank");
      assertEquals(ClaimStatus.CHECKED_BY_TESTS, verdict.status());
      assertEquals("checked by tests", verdict.label());
    }
  }
}
