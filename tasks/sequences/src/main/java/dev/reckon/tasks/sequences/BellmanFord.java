package dev.reckon.tasks.sequences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bellman-Ford from one city, round by round: after round k every city holds the length of the
 * shortest path to it of at most k roads, and the city it came from. Rounds are synchronous (round
 * k reads only round k-1), so the path read after k rounds is exactly that best path of at most k
 * roads; among equals, the lower predecessor id is kept, and only a path shorter by more than
 * {@link ShortestPaths#TOLERANCE} replaces one.
 */
final class BellmanFord {
  private final int source;
  /** {@code [round][city]}: the city a path of this round came from, or -1 where round k changed nothing. */
  private final int[][] cameFrom;
  private final double[][] distance;

  /** Runs {@code rounds} rounds from {@code source}. */
  BellmanFord(RoadMap map, int source, int rounds) {
    this.source = source;
    int cities = map.cities();
    cameFrom = new int[rounds + 1][cities];
    distance = new double[rounds + 1][];
    distance[0] = new double[cities];
    Arrays.fill(distance[0], Double.POSITIVE_INFINITY);
    distance[0][source] = 0;
    Arrays.fill(cameFrom[0], -1);
    for (int round = 1; round <= rounds; round++) {
      double[] before = distance[round - 1];
      double[] after = before.clone();
      Arrays.fill(cameFrom[round], -1);
      for (int from = 0; from < cities; from++) {
        if (before[from] == Double.POSITIVE_INFINITY) {
          continue;
        }
        for (int to : map.neighbours(from)) {
          double through = before[from] + map.length(from, to);
          if (through < after[to] - ShortestPaths.TOLERANCE) {
            after[to] = through;
            cameFrom[round][to] = from;
          }
        }
      }
      distance[round] = after;
    }
  }

  /**
   * The best path to {@code target} of at most {@code rounds} roads, both ends included; {@code
   * [source]} alone when no such path reaches it, the part of the way known for certain.
   */
  int[] path(int target, int rounds) {
    if (distance[rounds][target] == Double.POSITIVE_INFINITY) {
      return new int[] {source};
    }
    List<Integer> reversed = new ArrayList<>();
    reversed.add(target);
    int city = target;
    for (int round = rounds; city != source; round--) {
      // A city's value last changed at some round <= this one; its predecessor is read there.
      if (cameFrom[round][city] >= 0) {
        city = cameFrom[round][city];
        reversed.add(city);
      }
    }
    int[] path = new int[reversed.size()];
    for (int i = 0; i < path.length; i++) {
      path[i] = reversed.get(path.length - 1 - i);
    }
    return path;
  }
}
