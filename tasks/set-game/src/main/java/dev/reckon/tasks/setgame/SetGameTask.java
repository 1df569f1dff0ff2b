package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalFormat;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The SET games on one deck, as one retrieval task whose levels are the games, easiest first by
 * {@link Level#difficulty()} = log2 of the game's count of distinct answer subsets.
 *
 * <p>Every example scores all cards of the deck as keys against one query; the dataset holds
 * each query's full answer, so a learning model draws its training key from it (the seed's
 * training examples are a query with one key drawn uniformly from its answer). Token layout:
 * {@link SetVocabulary}.
 */
public final class SetGameTask implements Task {
  /** The pairs of a union or symdiff query, as in the seed. */
  public static final int DEFAULT_PAIRS = 8;

  /** The reference solver's score for a key outside the answer: softmax gives it ~e^-10000 = 0. */
  static final float EXCLUDED_SCORE = -1e4f;

  private final SetDeck deck;
  private final SetVocabulary vocabulary;
  private final QuerySampler sampler;
  private final QueryEvaluator evaluator;
  private final RetrievalScorer scorer = new RetrievalScorer();
  private final List<Level> levels;

  /** The games on {@code deck}, with {@code pairs} wildcard pairs in a union or symdiff query. */
  public SetGameTask(SetDeck deck, int pairs) {
    this.deck = requireNonNull(deck, "deck is null");
    if (deck.values() != 3) {
      // Union and symdiff difficulties rest on single-card SET pairs, which only 3 values give.
      throw new IllegalArgumentException("the SET tasks play on decks of 3 values, got a " + deck);
    }
    this.vocabulary = new SetVocabulary(deck);
    this.sampler = new QuerySampler(deck, pairs);
    this.evaluator = new QueryEvaluator(deck);
    List<Level> levels = new ArrayList<>();
    for (SetGame game : SetGame.values()) {
      AnswerCount count = AnswerCounts.of(deck, game, pairs);
      levels.add(new Level(game.id(), count.log2(),
          game.description(pairs) + "; distinct answer subsets: " + count.summary()));
    }
    // Stable: games of equal count (such as two lower bounds) keep the order of SetGame.
    levels.sort(Comparator.comparingDouble(Level::difficulty));
    this.levels = List.copyOf(levels);
  }

  @Override
  public RetrievalFormat format() {
    return new RetrievalFormat(deck.size(), vocabulary.size());
  }

  @Override
  public List<Level> levels() {
    return levels;
  }

  @Override
  public List<Metric> metrics() {
    return scorer.metrics();
  }

  /** The deck the task plays on. */
  public SetDeck deck() {
    return deck;
  }

  @Override
  public RetrievalDataset generate(Level level, int count, long seed) {
    requireNonNull(level, "level is null");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    SetGame game = SetGame.byId(level(level.id()).id());
    SplittableRandom random = new SplittableRandom(seed);
    int[][] queries = new int[count][];
    int[][] answers = new int[count][];
    for (int example = 0; example < count; example++) {
      SetQuery query = sampler.draw(game, random);
      queries[example] = query.tokens();
      answers[example] = query.answer().stream().toArray();
    }
    return new RetrievalDataset(vocabulary.size(), keyTokens(), queries, answers);
  }

  @Override
  public List<Score> score(Dataset answers, Predictions predictions) {
    if (!(answers instanceof RetrievalDataset retrieval)) {
      throw new IllegalArgumentException("the SET games score retrieval datasets, got " + answers);
    }
    if (!(predictions instanceof RetrievalPredictions scores)) {
      throw new IllegalArgumentException("the SET games score retrieval predictions, got " + predictions);
    }
    return scorer.score(retrieval, scores);
  }

  /** Answers each query from its tokens: score 0 for the cards it names, -1e4 for the others. */
  @Override
  public Optional<ReferenceSolver> referenceSolver() {
    return Optional.of(inputs -> {
      if (!(inputs instanceof RetrievalDataset retrieval)) {
        throw new IllegalArgumentException("the SET games solve retrieval datasets, got " + inputs);
      }
      float[][] scores = new float[retrieval.size()][deck.size()];
      for (int example = 0; example < scores.length; example++) {
        BitSet answer = evaluator.evaluate(retrieval.queries()[example]);
        for (int card = 0; card < deck.size(); card++) {
          scores[example][card] = answer.get(card) ? 0 : EXCLUDED_SCORE;
        }
      }
      return new RetrievalPredictions(new int[] {1}, new float[][][] {scores});
    });
  }

  private int[][] keyTokens() {
    int[][] keys = new int[deck.size()][];
    for (int card = 0; card < keys.length; card++) {
      keys[card] = vocabulary.keyTokens(card);
    }
    return keys;
  }
}
