package dev.reckon.tasks.sequences;

import static dev.reckon.tasks.sequences.GraphPathTask.NODE_ACCURACY;
import static dev.reckon.tasks.sequences.GraphPathTask.PATH_ACCURACY;
import static dev.reckon.tasks.sequences.Scores.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Config;
import dev.reckon.api.ConstraintGraph;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Level;
import dev.reckon.api.Metric;
import dev.reckon.api.Score;
import dev.reckon.api.TaskContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphPathTaskTest {
  private final GraphPathTask task = new GraphPathTask(3);

  /**
   * A unit square: 0 (0,0), 1 (1,0), 2 (0,1), 3 (1,1), roads around it and a spur 3-4 to (2,1).
   * From 0 to 3 both ways round are 2 long.
   */
  private static final RoadMap SQUARE = RoadMap.of(
      new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 1}},
      List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 3}, new int[] {2, 3}, new int[] {3, 4}));

  @Test
  void levelsByNodeCountMetricsPrimaryFirstAndAPerExampleFormat() {
    assertEquals(List.of("n8", "n12", "n16", "n24", "n32"), task.levels().stream().map(Level::id).toList());
    assertEquals(new LabelingFormat(LabelingFormat.Graphs.PER_EXAMPLE, LabelingFormat.Constraint.RELATION, 2),
        task.format());
    assertEquals(List.of(PATH_ACCURACY, NODE_ACCURACY), task.metrics().stream().map(Metric::id).toList());
    assertEquals(40, task.level("n40").difficulty());
    assertEquals("level 'n3' has 3 cities; it must have from 4 (more than 'neighbours') to 1000",
        assertThrows(IllegalArgumentException.class, () -> task.level("n3")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> task.level("h4"));
  }

  @Test
  void eachExampleIsAConnectedMapWithItsRoadsAsEdgesAndThePathMarked() {
    GraphLabelingDataset data = task.generate(task.level("n16"), 50, 3);
    assertEquals(50, data.size());
    for (int example = 0; example < data.size(); example++) {
      ConstraintGraph graph = data.graphs()[example];
      assertEquals(16, graph.nodes());
      graph.groups().forEach(group -> assertEquals(2, group.length));
      float[][] features = data.features()[example];
      assertEquals(4, features[0].length);
      int[] ends = GraphPathTask.ends(features);
      assertTrue(ends[0] >= 0 && ends[1] >= 0 && ends[0] != ends[1]);
      int[] solution = data.solutions()[example];
      assertEquals(2, solution[ends[0]]);
      assertEquals(2, solution[ends[1]]);
      assertTrue(Arrays.stream(data.givens()[example]).allMatch(given -> given == 0), "nothing given");
      RoadMap map = GraphPathTask.mapOf(graph, features);
      ShortestPaths paths = new ShortestPaths(map);
      for (int city = 0; city < 16; city++) {
        assertTrue(paths.distance(ends[0], city) < Double.POSITIVE_INFINITY, "connected");
      }
      assertTrue(GraphPathTask.exactPath(map, paths, ends[0], ends[1], solution));
    }
  }

  @Test
  void theSameSeedGivesTheSameDataAndAnotherSeedOther() {
    GraphLabelingDataset a = task.generate(task.level("n12"), 20, 7);
    GraphLabelingDataset b = new GraphPathTask(3).generate(task.level("n12"), 20, 7);
    GraphLabelingDataset c = task.generate(task.level("n12"), 20, 8);
    assertArrayEquals(a.graphs(), b.graphs());
    assertArrayEquals(a.solutions(), b.solutions());
    assertTrue(Arrays.deepEquals(a.features(), b.features()));
    assertTrue(!Arrays.deepEquals(a.features(), c.features()));
  }

  @Test
  void theReferenceSolverScoresPerfectlyOnEveryLevel() {
    for (Level level : task.levels()) {
      GraphLabelingDataset data = task.generate(level, 60, 5);
      LabelingPredictions solved = (LabelingPredictions) task.referenceSolver().orElseThrow()
          .solve(data.withoutAnswers());
      data.check(solved);
      List<Score> scores = task.score(data, solved);
      assertEquals(1.0, value(scores, PATH_ACCURACY, 1), level.id());
      assertEquals(1.0, value(scores, NODE_ACCURACY, 1), level.id());
    }
  }

  @Test
  void anEquallyShortOtherPathIsExactAndAWrongOneIsNot() {
    GraphLabelingDataset data = square(0, 3);
    int[] answer = data.solutions()[0];
    int[] other = answer[1] == 2 ? new int[] {2, 1, 2, 2, 1} : new int[] {2, 2, 1, 2, 1};
    int[] detour = {2, 2, 2, 2, 1};
    int[] missingEnd = {2, 2, 1, 1, 1};
    int[] overshoot = answer.clone();
    overshoot[4] = 2;
    int[][][] outputs = {{answer}, {other}, {detour}, {missingEnd}, {overshoot}};
    LabelingPredictions predictions = new LabelingPredictions(new int[] {1, 2, 3, 4, 5}, outputs);
    data.check(predictions);
    List<Score> scores = task.score(data, predictions);
    assertEquals(1.0, value(scores, PATH_ACCURACY, 1), "the data's path");
    assertEquals(1.0, value(scores, PATH_ACCURACY, 2), "the other way round the square, as short");
    assertEquals(0.6, value(scores, NODE_ACCURACY, 2), 1e-12, "node accuracy reads the data's path");
    assertEquals(0.0, value(scores, PATH_ACCURACY, 3), "both ways round at once");
    assertEquals(0.0, value(scores, PATH_ACCURACY, 4), "an end left out");
    assertEquals(0.0, value(scores, PATH_ACCURACY, 5), "a city past the target");
    assertEquals(0.8, value(scores, NODE_ACCURACY, 5), 1e-12);
  }

  @Test
  void aLongerPathIsNotExact() {
    // From 0 to 1: the road 0-1 is 1 long; 0-2-3-1 is 3.
    GraphLabelingDataset data = square(0, 1);
    LabelingPredictions predictions = new LabelingPredictions(new int[] {1, 2},
        new int[][][] {{{2, 2, 1, 1, 1}}, {{2, 2, 2, 2, 1}}});
    List<Score> scores = task.score(data, predictions);
    assertEquals(1.0, value(scores, PATH_ACCURACY, 1));
    assertEquals(0.0, value(scores, PATH_ACCURACY, 2));
  }

  @Test
  void badSettingsAreNamed() {
    GraphPathTaskFactory factory = new GraphPathTaskFactory();
    for (int bad : new int[] {0, 8}) {
      assertEquals("setting 'neighbours' must be between 1 and 7 (the smallest level has 8 cities), got " + bad,
          assertThrows(IllegalArgumentException.class, () -> factory.create(new TaskContext(
              Config.resolve(factory.settings(), Map.of("neighbours", bad)), 1))).getMessage());
    }
  }

  private static GraphLabelingDataset square(int from, int to) {
    ConstraintGraph graph = GraphPathTask.graph(SQUARE);
    float[][] features = GraphPathTask.features(SQUARE, from, to);
    int[] solution = new int[5];
    Arrays.fill(solution, 1);
    for (int city : new ShortestPaths(SQUARE).path(from, to)) {
      solution[city] = 2;
    }
    return new GraphLabelingDataset(new ConstraintGraph[] {graph}, 2, new int[][] {new int[5]},
        new int[][] {solution}, new float[][][] {features});
  }
}
