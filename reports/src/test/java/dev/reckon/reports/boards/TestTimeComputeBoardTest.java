package dev.reckon.reports.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import dev.reckon.reports.format.RunResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTimeComputeBoardTest {
  private static final int[] PASSES = {1, 4, 8, 16, 64};

  @TempDir Path work;

  /**
   * Trained on 8-bit strings, a level the prefix-sums task does not declare (its levels start at
   * n16): the training level still comes first, by its difficulty.
   */
  @Test
  void levelsComeEasiestFirstThoseNamedByIdAmongThem() {
    RunResults run = sums().read(work);
    assertEquals(List.of("n8", "n16", "n32"),
        TestTimeComputeBoard.build(run).rows().stream().map(row -> row.get(1)).toList());
    assertEquals(List.of("n8", "n16", "n32"),
        GeneralizationBoard.build(run).rows().stream().map(row -> row.get(3)).toList());
  }

  /** A best reached before T is no gain of extra iterations; passes beyond T that only lose are a loss. */
  @Test
  void theGainBeyondTIsTheBestOfTheCountsBeyondT() {
    List<List<Object>> rows = TestTimeComputeBoard.build(sums().read(work)).rows();
    int best = TestTimeComputeBoard.HEADER.indexOf("best");
    int gain = TestTimeComputeBoard.HEADER.indexOf("gain_beyond_T");
    List<Object> n16 = rows.get(1);
    assertEquals(List.of(0.14, -0.02), List.of(n16.get(best), round(n16.get(gain))), "best at 4 passes, T = 8");
    List<Object> n32 = rows.get(2);
    assertEquals(List.of(0.6, 0.5), List.of(n32.get(best), round(n32.get(gain))), "best at 64 passes");
  }

  private static RunBuilder sums() {
    return new RunBuilder("sums").examples(200).trainedWith("dt-net-plain", 8)
        .proportions("dt-net-plain", "prefix-sums", "n8", "n8", "string_accuracy", PASSES, 0.3, 0.9, 1, 0.8, 0.3)
        .proportions("dt-net-plain", "prefix-sums", "n8", "n16", "string_accuracy", PASSES, 0.01, 0.14, 0.11, 0.09,
            0.02)
        .proportions("dt-net-plain", "prefix-sums", "n8", "n32", "string_accuracy", PASSES, 0, 0.05, 0.1, 0.3, 0.6);
  }

  private static double round(Object value) {
    return Math.round((Double) value * 1000) / 1000.0;
  }
}
