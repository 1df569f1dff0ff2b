package org.example.messages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.sudoku.SudokuPlugin;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** It learns: trained for seconds on 4x4 sudoku, it fills blanks far better than a uniform guess. */
class MessageMlpLearnsTest {
  @Test
  void fillsMoreBlanksRightThanGuessing() {
    TaskFactory sudoku = new SudokuPlugin().tasks().stream().filter(t -> t.id().equals("sudoku-4x4")).findFirst()
        .orElseThrow();
    Task task = sudoku.create(new TaskContext(Config.resolve(sudoku.settings(), Map.of()), 1));
    LabelingDataset training = (LabelingDataset) task.generate(task.levels().get(0), 500, 1);
    LabelingDataset test = (LabelingDataset) task.generate(task.levels().get(0), 200, 2);
    MessageMlpFactory factory = new MessageMlpFactory();
    try (Model model = factory.create(new ModelContext(task, Config.resolve(factory.settings(),
        Map.of(MessageMlpSettings.UPDATES.name(), 200)), 1, "cpu"))) {
      model.train(training, (update, metric, value) -> {});
      LabelingPredictions predicted = (LabelingPredictions) model.predict(test.withoutAnswers());
      double accuracy = blankAccuracy(test, predicted.labels()[predicted.labels().length - 1]);
      // A uniform guess is right on a quarter of the blanks; the bar is twice that.
      assertTrue(accuracy > 0.5, "blank accuracy " + accuracy);
    }
  }

  private static double blankAccuracy(LabelingDataset data, int[][] labels) {
    long right = 0;
    long blanks = 0;
    for (int example = 0; example < data.size(); example++) {
      for (int node = 0; node < labels[example].length; node++) {
        if (data.givens()[example][node] == 0) {
          blanks++;
          right += labels[example][node] == data.solutions()[example][node] ? 1 : 0;
        }
      }
    }
    return (double) right / blanks;
  }
}
