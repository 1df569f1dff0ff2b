package dev.reckon.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statistics the boards and claims rest on, against textbook values: Student's t quantiles from
 * the standard tables (to the tables' 9 digits), McNemar's exact p-values worked out by hand from the
 * binomial coefficients, Newcombe's interval from its formula.
 */
class StatisticsTest {
  @Test
  void studentTQuantilesMatchTheTables() {
    assertEquals(12.706204736, StudentT.quantile(0.975, 1), 1e-8);
    assertEquals(4.302652730, StudentT.quantile(0.975, 2), 1e-8);
    assertEquals(2.776445105, StudentT.quantile(0.975, 4), 1e-8);
    assertEquals(2.262157163, StudentT.quantile(0.975, 9), 1e-8);
    assertEquals(2.042272456, StudentT.quantile(0.975, 30), 1e-8);
    assertEquals(1.812461123, StudentT.quantile(0.95, 10), 1e-8);
    assertEquals(-4.302652730, StudentT.quantile(0.025, 2), 1e-8);
  }

  @Test
  void studentTDistributionFunctionIsSymmetricAboutZero() {
    assertEquals(0.5, StudentT.cdf(0, 3), 1e-15);
    assertEquals(0.75, StudentT.cdf(1, 1), 1e-12); // Cauchy: 1/2 + atan(1)/pi
    assertEquals(1 - StudentT.cdf(1.7, 6), StudentT.cdf(-1.7, 6), 1e-14);
  }

  @Test
  void theIntervalOverThreeSeedsIsStudentsNotTheNormals() {
    SeedInterval interval = SeedInterval.of(0.6, 0.7, 0.8);

    // mean 0.7, sd 0.1: t(0.975, 2) 0.1 / sqrt(3) = 0.2484137711843753, not 1.96's 0.113.
    assertEquals(0.7, interval.mean(), 1e-15);
    assertEquals(0.7 - 0.2484137711843753, interval.low(), 1e-9);
    assertEquals(0.7 + 0.2484137711843753, interval.high(), 1e-9);
    assertEquals(3, interval.seeds());
  }

  @Test
  void oneSeedHasNoIntervalOverSeeds() {
    SeedInterval one = SeedInterval.of(0.9);

    assertFalse(one.bounded());
    assertTrue(Double.isNaN(one.low()));
    assertThrows(IllegalArgumentException.class, SeedInterval::of);
  }

  @Test
  void mcNemarsExactPValueIsTwiceTheBinomialTail() {
    assertEquals(2.0 * (1 + 15 + 105 + 455) / 32768, McNemar.pValue(3, 12), 1e-15);
    assertEquals(2.0 / 64, McNemar.pValue(0, 6), 1e-15);
    assertEquals(1, McNemar.pValue(5, 5));
    assertEquals(1, McNemar.pValue(0, 0));
    assertEquals(0.09873714670538902, McNemar.pValue(20, 10), 1e-12);
  }

  @Test
  void aPairedDifferenceCarriesTheDiscordantExamplesVariance() {
    PairedDifference difference = PairedDifference.of(10, 20, 100);

    // d = 0.1; var = (30 - 100 / 100) / 100^2 = 0.0029; half = 1.96 sqrt(0.0029) = 0.10554729072796214.
    assertEquals(0.1, difference.difference(), 1e-15);
    assertEquals(0.1 - 0.10554729072796214, difference.low(), 1e-12);
    assertEquals(0.1 + 0.10554729072796214, difference.high(), 1e-12);
    assertEquals(0.09873714670538902, difference.pValue(), 1e-12);
    assertFalse(difference.beyondNoise());
  }

  @Test
  void discordantExamplesAreThoseOneCountedAloneAndSeedsAddThem() {
    BitSet first = new BitSet();
    first.set(0, 10);
    BitSet second = new BitSet();
    second.set(4, 11);
    // examples 0-3 only the first counted, 10 only the second; 4-9 both
    DiscordantExamples seed = DiscordantExamples.of(first, second, 20);
    assertEquals(new DiscordantExamples(4, 1, 20), seed);

    DiscordantExamples combined = DiscordantExamples.combined(List.of(seed, new DiscordantExamples(6, 1, 20)));
    assertEquals(new DiscordantExamples(10, 2, 40), combined);
    // b = 10, c = 2: 2 (C(12, 0) + C(12, 1) + C(12, 2)) / 2^12 = 2 (1 + 12 + 66) / 4096 = 0.0386
    assertEquals(158.0 / 4096, combined.difference().pValue(), 1e-15);
    assertEquals(-0.2, combined.difference().difference(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> new DiscordantExamples(15, 10, 20));
  }

  @Test
  void anUnpairedDifferenceHasNewcombesInterval() {
    UnpairedDifference difference = UnpairedDifference.of(0.5, 0.4, 0.6, 0.8, 0.75, 0.9);

    // d = 0.3; low = d - sqrt(0.05^2 + 0.1^2), high = d + sqrt(0.1^2 + 0.1^2)
    assertEquals(0.3, difference.difference(), 1e-15);
    assertEquals(0.3 - Math.sqrt(0.0125), difference.low(), 1e-12);
    assertEquals(0.3 + Math.sqrt(0.02), difference.high(), 1e-12);
  }

  /** The rrn's 0.95 -> 0.978 on the same 500 puzzles: separate intervals overlap, the pairs decide. */
  @Test
  void pairsDecideWhereSeparateIntervalsOverlap() {
    // 475 and 489 right of 500; say 16 puzzles only the second solves and 2 only the first.
    PairedDifference difference = PairedDifference.of(2, 16, 500);

    assertEquals(0.028, difference.difference(), 1e-15);
    assertTrue(difference.beyondNoise());
    assertTrue(difference.pValue() < 0.01);
  }

  /**
   * 9 puzzles only the second solves, 2 only the first, of 500: the normal interval excludes 0, the
   * exact test does not (p = 2 * P(X <= 2), X ~ Bin(11, 1/2) = 2 * 67 / 2048), and the exact test decides.
   */
  @Test
  void theExactTestDecidesWhereTheNormalIntervalWouldNot() {
    PairedDifference difference = PairedDifference.of(2, 9, 500);

    assertTrue(difference.low() > 0, "the normal interval excludes no difference");
    assertEquals(2 * 67 / 2048.0, difference.pValue(), 1e-12);
    assertFalse(difference.beyondNoise());
  }
}
