package dev.reckon.tasks.sequences;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A map of cities at uniformly random points of the unit square, each joined by a road to its
 * {@code neighbours} nearest cities (ties to the lower id), roads two-way, a road as long as the
 * straight line between its cities.
 */
final class RoadMap {
  private final double[][] coordinates;
  /** {@code [a][b]}: the road's length, or infinity where there is none. */
  private final double[][] roads;
  private final int[][] neighbours;

  private RoadMap(double[][] coordinates, double[][] roads) {
    this.coordinates = coordinates;
    this.roads = roads;
    this.neighbours = new int[roads.length][];
    for (int a = 0; a < roads.length; a++) {
      int from = a;
      neighbours[a] = IntStream.range(0, roads.length).filter(b -> road(from, b)).toArray();
    }
  }

  /**
   * A map drawn from {@code random}. A k-nearest-neighbour graph may fall apart into clusters; they
   * are joined, not redrawn, so the map stays the one the seed drew: while cities remain that city
   * 0 cannot reach, the shortest road between a city it reaches and one it does not is added (ties
   * to the lower ids).
   */
  static RoadMap draw(int cities, int neighbours, SplittableRandom random) {
    if (cities < 2) {
      throw new IllegalArgumentException("setting 'cities' must be at least 2, got " + cities);
    }
    if (neighbours < 1 || neighbours >= cities) {
      throw new IllegalArgumentException("setting 'neighbours' must be between 1 and cities - 1 = " + (cities - 1)
          + ", got " + neighbours);
    }
    double[][] points = new double[cities][];
    for (int city = 0; city < cities; city++) {
      points[city] = new double[] {random.nextDouble(), random.nextDouble()};
    }
    double[][] roads = noRoads(cities);
    for (int a = 0; a < cities; a++) {
      int from = a;
      int[] nearest = IntStream.range(0, cities).filter(b -> b != from).boxed()
          .sorted((b, c) -> Double.compare(distance(points, from, b), distance(points, from, c)))
          .limit(neighbours).mapToInt(Integer::intValue).toArray();
      for (int b : nearest) {
        build(roads, points, a, b);
      }
    }
    for (boolean[] reached = reached(roads); !allTrue(reached); reached = reached(roads)) {
      int bestA = -1;
      int bestB = -1;
      for (int a = 0; a < cities; a++) {
        for (int b = 0; b < cities; b++) {
          if (reached[a] && !reached[b]
              && (bestA < 0 || distance(points, a, b) < distance(points, bestA, bestB))) {
            bestA = a;
            bestB = b;
          }
        }
      }
      build(roads, points, bestA, bestB);
    }
    return new RoadMap(points, roads);
  }

  /** A map of these cities ({@code [city][x, y]}) and two-way roads ({@code [road][a, b]}), e.g. one drawn by hand. */
  static RoadMap of(double[][] points, List<int[]> roads) {
    double[][] lengths = noRoads(points.length);
    for (int[] road : roads) {
      build(lengths, points, road[0], road[1]);
    }
    return new RoadMap(Arrays.stream(points).map(double[]::clone).toArray(double[][]::new), lengths);
  }

  int cities() {
    return roads.length;
  }

  boolean road(int a, int b) {
    return roads[a][b] != Double.POSITIVE_INFINITY;
  }

  /** The road's length; infinity where there is none. */
  double length(int a, int b) {
    return roads[a][b];
  }

  /** The cities a road joins {@code city} to, ascending. */
  int[] neighbours(int city) {
    return neighbours[city];
  }

  /** Where each city lies, {@code [city][x, y]}: a copy. */
  double[][] coordinates() {
    return Arrays.stream(coordinates).map(double[]::clone).toArray(double[][]::new);
  }

  /** Whether {@code cities} starts at {@code from}, ends at {@code to} and follows roads throughout. */
  boolean isPath(int[] cities, int from, int to) {
    if (cities.length == 0 || cities[0] != from || cities[cities.length - 1] != to) {
      return false;
    }
    for (int i = 1; i < cities.length; i++) {
      if (!road(cities[i - 1], cities[i])) {
        return false;
      }
    }
    return true;
  }

  /** The length of a path that follows roads. */
  double length(int[] path) {
    double length = 0;
    for (int i = 1; i < path.length; i++) {
      length += roads[path[i - 1]][path[i]];
    }
    return length;
  }

  private static double[][] noRoads(int cities) {
    double[][] roads = new double[cities][cities];
    for (double[] row : roads) {
      Arrays.fill(row, Double.POSITIVE_INFINITY);
    }
    return roads;
  }

  /** A two-way road from {@code a} to {@code b}, as long as the straight line between them. */
  private static void build(double[][] roads, double[][] points, int a, int b) {
    roads[a][b] = roads[b][a] = distance(points, a, b);
  }

  private static double distance(double[][] points, int a, int b) {
    return Math.hypot(points[a][0] - points[b][0], points[a][1] - points[b][1]);
  }

  /** The cities city 0 reaches by road. */
  private static boolean[] reached(double[][] roads) {
    boolean[] reached = new boolean[roads.length];
    Deque<Integer> open = new ArrayDeque<>();
    reached[0] = true;
    open.add(0);
    while (!open.isEmpty()) {
      int a = open.poll();
      for (int b = 0; b < roads.length; b++) {
        if (!reached[b] && roads[a][b] != Double.POSITIVE_INFINITY) {
          reached[b] = true;
          open.add(b);
        }
      }
    }
    return reached;
  }

  private static boolean allTrue(boolean[] flags) {
    for (boolean flag : flags) {
      if (!flag) {
        return false;
      }
    }
    return true;
  }
}
