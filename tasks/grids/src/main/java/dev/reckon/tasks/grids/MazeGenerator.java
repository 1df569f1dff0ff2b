package dev.reckon.tasks.grids;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Draws perfect mazes (exactly one way between any two rooms) of one side as make_mazes.py of
 * Schwarzschild et al.'s easy-to-hard-data does: start and goal are two distinct rooms drawn
 * uniformly, and a randomised depth-first search (the recursive backtracker) carves from the start
 * room, walking to a uniformly drawn unvisited neighbour room and opening the wall between, and
 * stepping back along its trail where every neighbour is visited, until every room is reached.
 *
 * <p>The answer is read from the carving rather than searched for: every room was carved from one
 * room nearer the start, so the way back from the goal is the maze's one path. The task's
 * breadth-first solver finds it on its own, which its tests compare.
 */
final class MazeGenerator {
  private final int side;
  /** Rooms along a side. */
  private final int k;

  /** For mazes of side {@code side}: odd, at least 5 (two rooms a side, so start and goal can differ). */
  MazeGenerator(int side) {
    this.side = side;
    this.k = Maze.rooms(side);
  }

  /** A maze and its answer: {@link Maze#ON_PATH} on the way from start to goal. */
  record Drawn(Maze maze, int[] answer) {}

  Drawn draw(SplittableRandom random) {
    int rooms = k * k;
    int startRoom = random.nextInt(rooms);
    int goalRoom = random.nextInt(rooms - 1);
    goalRoom += goalRoom >= startRoom ? 1 : 0;

    boolean[] open = new boolean[side * side];
    boolean[] visited = new boolean[rooms];
    int[] carvedFrom = new int[rooms];
    visited[startRoom] = true;
    open[cell(startRoom)] = true;
    Deque<Integer> trail = new ArrayDeque<>();
    int current = startRoom;
    int[] choices = new int[4];
    for (int reached = 1; reached < rooms; ) {
      int count = 0;
      for (int next : new int[] {current % k > 0 ? current - 1 : -1, current % k + 1 < k ? current + 1 : -1,
          current >= k ? current - k : -1, current + k < rooms ? current + k : -1}) {
        if (next >= 0 && !visited[next]) {
          choices[count++] = next;
        }
      }
      if (count == 0) {
        current = trail.pop();
        continue;
      }
      int next = choices[random.nextInt(count)];
      open[cell(next)] = true;
      open[between(current, next)] = true;
      visited[next] = true;
      carvedFrom[next] = current;
      trail.push(current);
      current = next;
      reached++;
    }

    IntStream.Builder path = IntStream.builder().add(cell(startRoom));
    for (int room = goalRoom; room != startRoom; room = carvedFrom[room]) {
      path.add(cell(room)).add(between(room, carvedFrom[room]));
    }
    Maze maze = new Maze(side, open, cell(startRoom), cell(goalRoom));
    return new Drawn(maze, maze.labels(path.build().toArray()));
  }

  /** The grid cell of a room. */
  private int cell(int room) {
    return (2 * (room / k) + 1) * side + 2 * (room % k) + 1;
  }

  /** The cell between two side-by-side rooms: halfway in row and column alike. */
  private int between(int room, int other) {
    return (cell(room) + cell(other)) / 2;
  }
}
