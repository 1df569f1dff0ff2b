package dev.reckon.api;

import static java.util.Objects.requireNonNull;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Token sequences in, token sequences out (a {@link SequenceFormat}): sort these numbers, copy
 * this string, name the cities on the shortest path between these two. Tokens are {@code
 * 0..vocabulary-1}; lengths vary between examples.
 *
 * @param vocabulary the number of distinct tokens
 * @param maxOutputLength the longest answer a prediction may give
 * @param inputs {@code [example][position]}: the input tokens
 * @param targets {@code [example][position]}: the answer, or {@code null} when hidden
 */
public record SequenceDataset(int vocabulary, int maxOutputLength, int[][] inputs, int[][] targets)
    implements Dataset {
  public SequenceDataset {
    requireNonNull(inputs, "inputs is null");
    if (targets != null && targets.length != inputs.length) {
      throw new IllegalArgumentException(inputs.length + " inputs but " + targets.length + " targets");
    }
  }

  @Override
  public int size() {
    return inputs.length;
  }

  @Override
  public SequenceDataset withoutAnswers() {
    return new SequenceDataset(vocabulary, maxOutputLength, inputs, null);
  }

  @Override
  public boolean hasAnswers() {
    return targets != null;
  }

  @Override
  public SequenceDataset copy() {
    return new SequenceDataset(vocabulary, maxOutputLength, Shapes.copy(inputs), Shapes.copy(targets));
  }

  @Override
  public boolean writeCanonical(DataOutput out) throws IOException {
    CanonicalForm.shape(out, "sequence");
    out.writeInt(vocabulary);
    out.writeInt(maxOutputLength);
    CanonicalForm.ints(out, inputs);
    CanonicalForm.ints(out, targets);
    return true;
  }

  @Override
  public void check(Predictions predictions) {
    SequencePredictions sequences = Shapes.as(SequencePredictions.class, predictions, "a sequence dataset");
    sequences.requireTokens(size(), vocabulary, maxOutputLength);
  }
}
