package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Examples that ask which keys of one fixed key set answer a query (a {@link RetrievalFormat}).
 *
 * <p>Queries and keys are token sequences over one vocabulary of size {@link #vocabulary()}, so
 * a model may embed them separately (a dual encoder) or read them together (a cross-encoder).
 *
 * @param vocabulary number of distinct tokens
 * @param keyTokens {@code [key][position]}: the tokens of every key (a card's attribute values)
 * @param queries {@code [example][position]}: the tokens of every query
 * @param answers {@code [example]}: the sorted indices of the positive keys, or {@code null}
 *     when hidden
 */
public record RetrievalDataset(int vocabulary, int[][] keyTokens, int[][] queries, int[][] answers)
    implements Dataset {
  public RetrievalDataset {
    requireNonNull(keyTokens, "keyTokens is null");
    requireNonNull(queries, "queries is null");
    if (answers != null && answers.length != queries.length) {
      throw new IllegalArgumentException(queries.length + " queries but " + answers.length + " answers");
    }
  }

  /** Number of keys every query is scored against. */
  public int keys() {
    return keyTokens.length;
  }

  @Override
  public int size() {
    return queries.length;
  }

  @Override
  public RetrievalDataset withoutAnswers() {
    return new RetrievalDataset(vocabulary, keyTokens, queries, null);
  }

  @Override
  public boolean hasAnswers() {
    return answers != null;
  }

  @Override
  public RetrievalDataset copy() {
    return new RetrievalDataset(vocabulary, Shapes.copy(keyTokens), Shapes.copy(queries), Shapes.copy(answers));
  }

  @Override
  public boolean writeCanonical(DataOutput out) throws IOException {
    CanonicalForm.shape(out, "retrieval");
    out.writeInt(vocabulary);
    CanonicalForm.ints(out, keyTokens);
    CanonicalForm.ints(out, queries);
    CanonicalForm.ints(out, answers);
    return true;
  }

  @Override
  public void check(Predictions predictions) {
    RetrievalPredictions retrieval = Shapes.as(RetrievalPredictions.class, predictions, "a retrieval dataset");
    Shapes.requireBlocks(retrieval.scores(), retrieval.iterations(), size(), "scores");
    for (int i = 0; i < retrieval.scores().length; i++) {
      for (int example = 0; example < size(); example++) {
        float[] scores = retrieval.scores()[i][example];
        if (scores == null || scores.length != keys()) {
          throw Shapes.at((scores == null ? "no" : Integer.toString(scores.length)) + " scores for " + keys()
              + " keys", example, retrieval.iterations()[i]);
        }
        for (int key = 0; key < scores.length; key++) {
          if (!Float.isFinite(scores[key])) {
            throw Shapes.at("score " + scores[key] + " of key " + key + " is not finite", example,
                retrieval.iterations()[i]);
          }
        }
      }
    }
  }
}
