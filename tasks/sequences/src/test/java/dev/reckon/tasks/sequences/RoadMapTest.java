package dev.reckon.tasks.sequences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.Level;
import dev.reckon.api.SequenceDataset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoadMapTest {
  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
  void roadsAreTwoWayAsLongAsTheLineAndReachEveryCity(long seed) {
    // One neighbour each leaves clusters: they must be joined.
    for (int neighbours : new int[] {1, 3}) {
      RoadMap map = RoadMap.draw(40, neighbours, new SplittableRandom(seed));
      double[][] points = map.coordinates();
      for (int a = 0; a < map.cities(); a++) {
        assertTrue(map.neighbours(a).length >= neighbours, "city " + a + " has its nearest cities");
        assertFalse(map.road(a, a));
        for (int b = 0; b < map.cities(); b++) {
          assertEquals(map.road(a, b), map.road(b, a));
          if (map.road(a, b)) {
            assertEquals(Math.hypot(points[a][0] - points[b][0], points[a][1] - points[b][1]), map.length(a, b));
          }
        }
      }
      assertEquals(map.cities(), reachable(map), "every city reached from city 0");
    }
  }

  @Test
  void eachCityHasARoadToItsNearestCity() {
    RoadMap map = RoadMap.draw(30, 1, new SplittableRandom(9));
    double[][] points = map.coordinates();
    for (int a = 0; a < 30; a++) {
      int from = a;
      int nearest = IntStream.range(0, 30).filter(b -> b != from).boxed().min((b, c) -> Double.compare(
          Math.hypot(points[from][0] - points[b][0], points[from][1] - points[b][1]),
          Math.hypot(points[from][0] - points[c][0], points[from][1] - points[c][1]))).orElseThrow();
      assertTrue(map.road(a, nearest), "city " + a + " to its nearest, " + nearest);
    }
  }

  /** The documented default levels: at the default settings, maps of 20 task seeds all have h2 to h6. */
  @Test
  void heldOutPairsAreScoredAndNeverTrainedOnInEitherDirection() {
    ShortestPathTask task = new ShortestPathTask(RoadMap.draw(48, 3, new SplittableRandom(3)), 0.25, 9);
    Set<List<Integer>> trained = new HashSet<>();
    for (int[] pair : task.generate(task.level("h1-8"), 20000, 1).inputs()) {
      trained.add(List.of(Math.min(pair[0], pair[1]), Math.max(pair[0], pair[1])));
    }
    Set<List<Integer>> scored = new HashSet<>();
    assertEquals("h1-4", task.levels().get(0).id(), "the default training level is the trained pairs'");
    for (Level level : task.levels().subList(1, task.levels().size())) {
      SequenceDataset data = task.generate(level, 50, 2);
      for (int[] pair : data.inputs()) {
        scored.add(List.of(Math.min(pair[0], pair[1]), Math.max(pair[0], pair[1])));
      }
    }
    assertTrue(scored.size() > 100, "pairs scored: " + scored.size());
    assertTrue(scored.stream().noneMatch(trained::contains), "a held-out pair was trained on");
  }

  @Test
  void aLevelGivesEachOfItsPairsOnceBeforeAnyTwice() {
    ShortestPathTask task = new ShortestPathTask(RoadMap.draw(48, 3, new SplittableRandom(3)), 0.25, 9);
    Level level = task.level("h2");
    int pairs = Integer.parseInt(level.description().replaceAll(".* the map's (\\d+) held-out .*", "$1"));
    SequenceDataset data = task.generate(level, pairs, 4);
    assertEquals(pairs, Arrays.stream(data.inputs()).map(pair -> List.of(pair[0], pair[1])).distinct().count());
  }

  @Test
  void aLevelOfShortPathsHoldsEveryHopCountUpToItsOwn() {
    ShortestPathTask task = new ShortestPathTask(RoadMap.draw(24, 3, new SplittableRandom(3)));
    Level shortPaths = task.level("h1-3");
    assertEquals(ShortestPathTask.TRAINED_DIFFICULTY, shortPaths.difficulty(), "trained pairs: easier than held-out ones");
    SequenceDataset data = task.generate(shortPaths, 600, 5);
    assertEquals(Set.of(2, 3, 4), Arrays.stream(data.targets()).map(path -> path.length)
        .collect(Collectors.toSet()), "1 to 3 roads: 2 to 4 cities");
    assertThrows(IllegalArgumentException.class, () -> task.level("h1-99"));
  }

  @Test
  void defaultMapsOfferTheLevelsTheirPathsHave() {
    for (long seed = 0; seed < 20; seed++) {
      RoadMap map = RoadMap.draw(24, 3, new SplittableRandom(seed));
      ShortestPathTask task = new ShortestPathTask(map);
      ShortestPaths paths = new ShortestPaths(map);
      TreeSet<Integer> hops = new TreeSet<>();
      for (int from = 0; from < 24; from++) {
        for (int to = 0; to < 24; to++) {
          if (from != to) {
            hops.add(paths.hops(from, to));
          }
        }
      }
      List<String> expected = Arrays.stream(ShortestPathTask.HOP_LEVELS).filter(hops::contains)
          .mapToObj(h -> "h" + h).toList();
      assertEquals(expected, task.levels().stream().map(Level::id).toList(), "task seed " + seed);
      assertEquals(List.of("h2", "h3", "h4", "h6"), expected.subList(0, 4), "task seed " + seed);
      for (Level level : task.levels()) {
        SequenceDataset data = task.generate(level, 30, seed);
        for (int example = 0; example < data.size(); example++) {
          assertEquals(level.difficulty(), data.targets()[example].length - 1, "hops of " + level.id());
        }
      }
    }
  }

  @Test
  void theTaskSeedDrawsTheMapAndTheDataSeedTheQueries() {
    ShortestPathTask task = new ShortestPathTask(RoadMap.draw(24, 3, new SplittableRandom(3)));
    ShortestPathTask same = new ShortestPathTask(RoadMap.draw(24, 3, new SplittableRandom(3)));
    ShortestPathTask other = new ShortestPathTask(RoadMap.draw(24, 3, new SplittableRandom(4)));
    assertArrayEquals(task.tokenCoordinates().orElseThrow(), same.tokenCoordinates().orElseThrow());
    assertFalse(Arrays.deepEquals(task.tokenCoordinates().orElseThrow(), other.tokenCoordinates().orElseThrow()));
    SequenceDataset first = task.generate(task.level("h4"), 50, 11);
    SequenceDataset second = same.generate(same.level("h4"), 50, 11);
    assertArrayEquals(first.inputs(), second.inputs());
    assertArrayEquals(first.targets(), second.targets());
    assertFalse(Arrays.deepEquals(first.inputs(), task.generate(task.level("h4"), 50, 12).inputs()));
  }

  @Test
  void pathsFollowRoadsAndNoOtherPathIsShorter() {
    RoadMap map = RoadMap.draw(24, 3, new SplittableRandom(2));
    ShortestPaths paths = new ShortestPaths(map);
    for (int from = 0; from < 24; from++) {
      for (int to = 0; to < 24; to++) {
        int[] path = paths.path(from, to);
        assertTrue(map.isPath(path, from, to));
        assertEquals(paths.distance(from, to), map.length(path), 1e-12);
        // Bellman-Ford with every round it can use agrees on the length.
        assertEquals(paths.distance(from, to), map.length(new BellmanFord(map, from, 24).path(to, 24)), 1e-12);
      }
    }
  }

  private static int reachable(RoadMap map) {
    boolean[] seen = new boolean[map.cities()];
    Deque<Integer> open = new ArrayDeque<>(List.of(0));
    seen[0] = true;
    int count = 1;
    while (!open.isEmpty()) {
      for (int b : map.neighbours(open.poll())) {
        if (!seen[b]) {
          seen[b] = true;
          count++;
          open.add(b);
        }
      }
    }
    return count;
  }
}
