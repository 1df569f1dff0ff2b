package dev.reckon.reports.stats;

import java.util.BitSet;
import java.util.List;

/**
 * What McNemar's test reads of two proportions over the same examples: the examples only the first
 * counted ({@code b}), those only the second counted ({@code c}), and all the examples ({@code n});
 * the examples both count, or neither, say nothing of the difference. Pairs over sets of their own,
 * e.g. one pair of cells a training seed, combine by adding their counts (the stratified test).
 *
 * @param onlyFirst examples only the first counted ({@code b})
 * @param onlySecond examples only the second counted ({@code c})
 * @param examples all the examples ({@code n})
 */
public record DiscordantExamples(long onlyFirst, long onlySecond, long examples) {
  public DiscordantExamples {
    if (onlyFirst < 0 || onlySecond < 0 || onlyFirst + onlySecond > examples) {
      throw new IllegalArgumentException("discordant examples need 0 <= b + c <= n; got b " + onlyFirst + ", c "
          + onlySecond + ", n " + examples);
    }
  }

  /** Which of the same {@code examples} the first and the second counted. */
  public static DiscordantExamples of(BitSet first, BitSet second, int examples) {
    BitSet onlyFirst = (BitSet) first.clone();
    onlyFirst.andNot(second);
    BitSet onlySecond = (BitSet) second.clone();
    onlySecond.andNot(first);
    return new DiscordantExamples(onlyFirst.cardinality(), onlySecond.cardinality(), examples);
  }

  /** The pairs' counts added: each pair is a stratum of the stratified McNemar test. */
  public static DiscordantExamples combined(List<DiscordantExamples> pairs) {
    return new DiscordantExamples(pairs.stream().mapToLong(DiscordantExamples::onlyFirst).sum(),
        pairs.stream().mapToLong(DiscordantExamples::onlySecond).sum(),
        pairs.stream().mapToLong(DiscordantExamples::examples).sum());
  }

  /** The second's accuracy less the first's, with its paired interval and McNemar's exact p-value. */
  public PairedDifference difference() {
    return PairedDifference.of(onlyFirst, onlySecond, examples);
  }
}
