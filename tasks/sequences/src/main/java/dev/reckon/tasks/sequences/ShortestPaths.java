package dev.reckon.tasks.sequences;

import java.util.Arrays;

/**
 * The shortest path between every pair of cities of a {@link RoadMap}, by Dijkstra from each city.
 *
 * <p>Ties are broken by a fixed rule, so every pair has one answer: the city settled next is the
 * nearest unsettled one, the lower id among equals, and a city's predecessor changes only for a
 * path shorter by more than {@link #TOLERANCE}, so the first path found among equals is kept.
 */
final class ShortestPaths {
  /** How much shorter a path must be to count as shorter: below it, the difference is rounding. */
  static final double TOLERANCE = 1e-12;

  private final double[][] distances;
  private final int[][] predecessors;

  ShortestPaths(RoadMap map) {
    int cities = map.cities();
    distances = new double[cities][];
    predecessors = new int[cities][];
    for (int source = 0; source < cities; source++) {
      dijkstra(map, source);
    }
  }

  private void dijkstra(RoadMap map, int source) {
    int cities = map.cities();
    double[] distance = new double[cities];
    int[] predecessor = new int[cities];
    boolean[] settled = new boolean[cities];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    Arrays.fill(predecessor, -1);
    distance[source] = 0;
    for (int step = 0; step < cities; step++) {
      int next = -1;
      for (int city = 0; city < cities; city++) {
        if (!settled[city] && (next < 0 || distance[city] < distance[next])) {
          next = city;
        }
      }
      settled[next] = true;
      for (int neighbour : map.neighbours(next)) {
        double through = distance[next] + map.length(next, neighbour);
        if (!settled[neighbour] && through < distance[neighbour] - TOLERANCE) {
          distance[neighbour] = through;
          predecessor[neighbour] = next;
        }
      }
    }
    distances[source] = distance;
    predecessors[source] = predecessor;
  }

  double distance(int from, int to) {
    return distances[from][to];
  }

  /** The cities on the shortest path, {@code from} and {@code to} included. */
  int[] path(int from, int to) {
    int[] reversed = new int[distances.length];
    int length = 0;
    for (int city = to; city != from; city = predecessors[from][city]) {
      reversed[length++] = city;
    }
    reversed[length++] = from;
    int[] path = new int[length];
    for (int i = 0; i < length; i++) {
      path[i] = reversed[length - 1 - i];
    }
    return path;
  }

  /** Roads on the shortest path. */
  int hops(int from, int to) {
    return path(from, to).length - 1;
  }
}
