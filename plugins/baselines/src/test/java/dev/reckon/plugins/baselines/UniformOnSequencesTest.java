package dev.reckon.plugins.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Config;
import dev.reckon.api.Dataset;
import dev.reckon.api.Level;
import dev.reckon.api.ModelContext;
import dev.reckon.api.Predictions;
import dev.reckon.api.Score;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import dev.reckon.tasks.sequences.SequencesPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uniform on the sequence tasks scores chance: a random token is the answer's one time in ten. */
class UniformOnSequencesTest {
  private static final int EXAMPLES = 2000;

  @ParameterizedTest
  @ValueSource(strings = {"sorting", "copy", "reverse"})
  void stringsGetOneTokenInTheVocabularyRight(String id) {
    Task task = create(id);
    for (Level level : task.levels()) {
      List<Score> scores = guess(task, level);
      assertEquals(0.0, value(scores, "sequence_accuracy"), 0.001, level.id());
      assertEquals(0.1, value(scores, "token_accuracy"), 0.01, level.id());
    }
  }

  @Test
  void pathsOfTwoRandomCitiesAreNeverRoadsBetweenTheQuerysEnds() {
    Task task = create("shortest-path");
    for (Level level : task.levels()) {
      // Every level's ends are two or more roads apart: no two-city guess is a path between them.
      List<Score> scores = guess(task, level);
      assertEquals(0.0, value(scores, "path_accuracy"), level.id());
      assertEquals(0.0, value(scores, "valid_path_rate"), level.id());
    }
  }

  private static List<Score> guess(Task task, Level level) {
    Dataset data = task.generate(level, EXAMPLES, 3);
    UniformFactory uniform = new UniformFactory();
    Predictions guesses = uniform.create(new ModelContext(task, Config.empty(), 5, "cpu")).predict(data.withoutAnswers());
    data.check(guesses);
    return task.score(data, guesses);
  }

  private static double value(List<Score> scores, String metric) {
    return scores.stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow().value();
  }

  private static Task create(String id) {
    TaskFactory factory = new SequencesPlugin().tasks().stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow();
    return factory.create(new TaskContext(Config.resolve(factory.settings(), Map.of()), 1));
  }
}
