package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Analysis;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code reckon analyze set-game}: the exact rank of a game's query-by-key match matrix (all
 * queries x all cards, 1 where the card is in the query's answer) and its count of distinct
 * answer subsets.
 *
 * <p>How the rows are found depends on the game:
 *
 * <ul>
 *   <li>shared-attribute, set, wildcard: every query is listed ({@link PairQueries});
 *   <li>shatter: every non-empty subset is a query, so the count is {@code 2^N - 1} and the
 *       single-card queries alone give the rank;
 *   <li>union, symdiff on decks of at most 27 cards: every answer is found by {@link
 *       ReachableSubsets} (on 27 cards with 8 pairs about 3 seconds for union, 30 for symdiff);
 *       on larger decks {@code samples} queries are drawn with {@code seed}, and the report says
 *       which of its figures are then lower bounds.
 * </ul>
 *
 * <p>The rank is exact over the rationals ({@link ExactRank}). Where the rows seen already reach
 * rank N, no more are needed: a matrix with N columns has rank at most N.
 */
public final class SetGameAnalysis implements Analysis {
  private static final List<String> OPTIONS = List.of("attributes", "values", "game", "m", "samples", "seed");
  private static final int DEFAULT_SAMPLES = 100_000;

  @Override
  public String id() {
    return "set-game";
  }

  @Override
  public String description() {
    return "rank of a SET game's query-by-key match matrix and its count of distinct answers;"
        + " options --attributes A (3) --values V (3) --game ID (shared-attribute) --m pairs (8, union"
        + " and symdiff) --samples n (100000) --seed s (1), the last two for union and symdiff on decks"
        + " of more than 27 cards";
  }

  @Override
  public String run(Map<String, String> options) {
    requireNonNull(options, "options is null");
    options.forEach((name, value) -> {
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown option '" + name + "'; set-game reads " + String.join(", ", OPTIONS));
      }
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("option '" + name + "' needs a value");
      }
    });
    int attributes = intOption(options, "attributes", 3, 1);
    int values = intOption(options, "values", 3, 2);
    SetDeck deck;
    try {
      deck = new SetDeck(attributes, values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("options 'attributes' and 'values': " + e.getMessage(), e);
    }
    SetGame game;
    try {
      game = SetGame.byId(options.getOrDefault("game", SetGame.SHARED_ATTRIBUTE.id()));
      game.requirePlayableOn(deck);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option 'game': " + e.getMessage(), e);
    }
    if (options.containsKey("m") && !game.isComposite()) {
      throw new IllegalArgumentException("option 'm' applies to union and symdiff only, not to " + game.id());
    }
    int pairs = intOption(options, "m", SetGameTask.DEFAULT_PAIRS, 1);
    boolean sampled = game.isComposite() && deck.size() > ReachableSubsets.MAX_CARDS;
    for (String name : List.of("samples", "seed")) {
      if (options.containsKey(name) && !sampled) {
        throw new IllegalArgumentException("option '" + name + "' applies only where queries are sampled:"
            + " union and symdiff on decks of more than " + ReachableSubsets.MAX_CARDS + " cards");
      }
    }
    int samples = intOption(options, "samples", DEFAULT_SAMPLES, 1);
    long seed = longOption(options, "seed", 1);

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "set-game analysis: %s on the %s%s\n", game.id(), deck,
        game.isComposite() ? ", " + pairs + " pairs per query" : ""));
    report.append(String.format(Locale.ROOT, "game: %s\n", game.description(pairs)));
    if (game.isPair()) {
      pairGame(deck, game, report);
    } else if (game == SetGame.SHATTER) {
      shatter(deck, report);
    } else if (sampled) {
      sampledComposite(deck, game, pairs, samples, seed, report);
    } else {
      searchedComposite(deck, game, pairs, report);
    }
    return report.toString();
  }

  private static void pairGame(SetDeck deck, SetGame game, StringBuilder report) {
    MatchMatrix matrix = PairQueries.matrix(deck, game);
    report.append(String.format(Locale.ROOT, "queries: %d, every unordered pair of distinct %s\n",
        matrix.queries(), game == SetGame.WILDCARD ? "cards with '*' allowed" : "cards"));
    report.append(String.format(Locale.ROOT, "queries with an empty answer (never drawn): %d\n",
        matrix.emptyAnswers()));
    AnswerCount count = new AnswerCount(BigInteger.valueOf(matrix.distinctAnswerCount()), true,
        "all queries listed");
    report.append("distinct answer subsets: ").append(count.summary()).append('\n');
    rankLine(report, matrix.rank(), deck, true, "all queries");
  }

  private static void shatter(SetDeck deck, StringBuilder report) {
    AnswerCount count = AnswerCounts.of(deck, SetGame.SHATTER, 1);
    report.append(String.format(Locale.ROOT, "queries: 2^%d - 1 = %s, every non-empty subset of the deck\n",
        deck.size(), count.count()));
    report.append("distinct answer subsets: ").append(count.summary()).append('\n');
    ExactRank rank = new ExactRank(deck.size());
    for (int card = 0; card < deck.size(); card++) {
      BitSet single = new BitSet(deck.size());
      single.set(card);
      rank.add(single);
    }
    rankLine(report, rank.rank(), deck, true, "the single-card queries");
  }

  private static void searchedComposite(SetDeck deck, SetGame game, int pairs, StringBuilder report) {
    List<BitSet> pairAnswers = PairQueries.matrix(deck, SetGame.WILDCARD).distinctAnswers();
    report.append(String.format(Locale.ROOT,
        "queries: %s, too many to list; their answers are found by a breadth-first search over the"
            + " 2^%d subsets of the deck\n", compositeQueries(deck, game, pairs), deck.size()));
    ReachableSubsets reachable = ReachableSubsets.search(deck, game, pairs, pairAnswers);
    AnswerCount count = new AnswerCount(BigInteger.valueOf(reachable.count()), true,
        "breadth-first search over all subsets of the deck");
    report.append("distinct answer subsets: ").append(count.summary()).append('\n');
    // Single pairs' answers are answers of m pairs too (see ReachableSubsets), and usually span
    // every key; the other answers are read only when they do not.
    ExactRank rank = new ExactRank(deck.size());
    pairAnswers.forEach(rank::add);
    for (int mask = reachable.nextAnswer(1); mask >= 0 && !rank.isFull(); mask = reachable.nextAnswer(mask + 1)) {
      rank.add(ReachableSubsets.cards(mask));
    }
    rankLine(report, rank.rank(), deck, true, "all answers");
  }

  private static void sampledComposite(
      SetDeck deck, SetGame game, int pairs, int samples, long seed, StringBuilder report) {
    report.append(String.format(Locale.ROOT, "queries: %s, too many to list; %d sampled with seed %d\n",
        compositeQueries(deck, game, pairs), samples, seed));
    QuerySampler sampler = new QuerySampler(deck, pairs);
    SplittableRandom random = new SplittableRandom(seed);
    MatchMatrix matrix = new MatchMatrix(deck.size());
    for (int sample = 0; sample < samples; sample++) {
      matrix.add(sampler.draw(game, random).answer());
    }
    AnswerCount count = new AnswerCount(BigInteger.valueOf(matrix.distinctAnswerCount()), false,
        "distinct answers among the samples");
    if (deck.values() == 3) {
      AnswerCount bound = AnswerCounts.atMostPairsCards(deck, game, pairs);
      count = bound.count().compareTo(count.count()) > 0 ? bound : count;
    }
    report.append("distinct answer subsets: ").append(count.summary())
        .append(String.format(Locale.ROOT, "; the samples have %d distinct answers\n", matrix.distinctAnswerCount()));
    int rank = matrix.rank();
    rankLine(report, rank, deck, rank == deck.size(), "the sampled queries");
  }

  /** Pairs of distinct patterns to the power m, times (symdiff) the 2 choices of each of the m - 1 operators. */
  private static String compositeQueries(SetDeck deck, SetGame game, int pairs) {
    BigInteger pairQueries = PairQueries.count(deck, SetGame.WILDCARD);
    BigInteger count = pairQueries.pow(pairs);
    if (game == SetGame.UNION) {
      return String.format(Locale.ROOT, "%s^%d = %s", pairQueries, pairs, count);
    }
    count = count.shiftLeft(pairs - 1);
    return String.format(Locale.ROOT, "%s^%d x 2^%d = %s", pairQueries, pairs, pairs - 1, count);
  }

  private static void rankLine(StringBuilder report, int rank, SetDeck deck, boolean exact, String rows) {
    if (exact) {
      report.append(String.format(Locale.ROOT,
          "match matrix rank: %d of %d keys (exact over the rationals, from %s%s)\n", rank, deck.size(), rows,
          rank == deck.size() ? "; no matrix with " + deck.size() + " columns has more" : ""));
    } else {
      report.append(String.format(Locale.ROOT,
          "match matrix rank: at least %d of %d keys (lower bound: the exact rank of %s only)\n",
          rank, deck.size(), rows));
    }
  }

  private static int intOption(Map<String, String> options, String name, int fallback, int minimum) {
    long value = longOption(options, name, fallback);
    if (value < minimum || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "option '%s' must be a whole number from %d to %d, got %s", name, minimum, Integer.MAX_VALUE,
          options.get(name)));
    }
    return (int) value;
  }

  private static long longOption(Map<String, String> options, String name, long fallback) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + name + "' must be a whole number, got '" + text + "'", e);
    }
  }
}
