package dev.reckon.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.GridDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.RetrievalDataset;
import dev.reckon.api.RetrievalPredictions;
import dev.reckon.api.SequenceDataset;
import dev.reckon.api.SequencePredictions;
import dev.reckon.tasks.sudoku.SudokuTask;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Uniform on the built-in shapes Sudoku does not exercise. */
class UniformTest {
  private static final int EXAMPLES = 200;

  @Test
  void aGraphPerExampleGetsRandomLabelsOnItsBlanksAndKeepsItsGivens() {
    ConstraintGraph triangle = new ConstraintGraph(3, List.of(new int[] {0, 1, 2}));
    ConstraintGraph path = new ConstraintGraph(4, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}));
    ConstraintGraph[] graphs = new ConstraintGraph[EXAMPLES];
    int[][] givens = new int[EXAMPLES][];
    for (int example = 0; example < EXAMPLES; example++) {
      graphs[example] = example % 2 == 0 ? triangle : path;
      givens[example] = example % 2 == 0 ? new int[] {0, 2, 0} : new int[] {1, 0, 0, 3};
    }
    GraphLabelingDataset data = new GraphLabelingDataset(graphs, 3, givens, null, null);

    LabelingPredictions predictions = (LabelingPredictions) predict(data);
    data.check(predictions);
    assertArrayEquals(new int[] {1}, predictions.iterations());
    Set<Integer> guessed = new TreeSet<>();
    for (int example = 0; example < EXAMPLES; example++) {
      int[] labels = predictions.labels()[0][example];
      assertEquals(graphs[example].nodes(), labels.length);
      for (int node = 0; node < labels.length; node++) {
        if (givens[example][node] != 0) {
          assertEquals(givens[example][node], labels[node], "given of node " + node + " of example " + example);
        } else {
          guessed.add(labels[node]);
        }
      }
    }
    assertEquals(Set.of(1, 2, 3), guessed, "every label is guessed somewhere");
  }

  @Test
  void everyCellOfAGridGetsARandomLabel() {
    GridDataset data = new GridDataset(3, 5, 2, new float[EXAMPLES][15][3], null);
    LabelingPredictions predictions = (LabelingPredictions) predict(data);
    data.check(predictions);
    assertArrayEquals(new int[] {1, 2},
        Arrays.stream(predictions.labels()[0]).flatMapToInt(Arrays::stream).distinct().sorted().toArray(),
        "both labels are drawn");
  }

  @Test
  void aSequenceGetsRandomTokensAsManyAsItsInputUpToTheLongestAnswer() {
    int vocabulary = 5;
    int maxOutputLength = 4;
    int[][] inputs = new int[EXAMPLES][];
    for (int example = 0; example < EXAMPLES; example++) {
      inputs[example] = new int[example % 7];
    }
    SequenceDataset data = new SequenceDataset(vocabulary, maxOutputLength, inputs, null);

    SequencePredictions predictions = (SequencePredictions) predict(data);
    data.check(predictions);
    int[][] tokens = predictions.tokens()[0];
    for (int example = 0; example < EXAMPLES; example++) {
      assertEquals(Math.min(example % 7, maxOutputLength), tokens[example].length, "example " + example);
    }
    assertArrayEquals(IntStream.range(0, vocabulary).toArray(),
        Arrays.stream(tokens).flatMapToInt(Arrays::stream).distinct().sorted().toArray(), "every token is drawn");
  }

  @Test
  void retrievalGetsEqualScoresForEveryKey() {
    RetrievalDataset data = new RetrievalDataset(4, new int[][] {{0}, {1}, {2}}, new int[][] {{3}, {2, 1}}, null);
    RetrievalPredictions predictions = (RetrievalPredictions) predict(data);
    data.check(predictions);
    assertArrayEquals(new float[][] {new float[3], new float[3]}, predictions.scores()[0]);
  }

  @Test
  void theSameSeedGuessesTheSame() {
    SequenceDataset data = new SequenceDataset(9, 6, new int[][] {new int[6], new int[3]}, null);
    assertArrayEquals(((SequencePredictions) predict(data)).tokens(), ((SequencePredictions) predict(data)).tokens());
  }

  private static Predictions predict(Dataset inputs) {
    // Uniform never reads the task: the dataset it is shown decides the shape of its guesses.
    ModelContext context = new ModelContext(SudokuTask.ofSide(4), Config.empty(), 17, "cpu");
    return new UniformFactory().create(context).predict(inputs);
  }
}
