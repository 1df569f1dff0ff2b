package dev.reckon.tasks.infonce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code count} pairs (x, y) of a joint, each pair as often as {@code count p(x, y)} rounded by
 * largest remainders (ties to the earlier pair), in an order shuffled by the seed. So the table of
 * the data is the joint to within one pair: the note's ground truth is the table "from the data", and
 * a sample drawn at random would add its own sampling error (of order cells / 2 count nats of KL)
 * to every objective alike, hiding what each converges to.
 */
final class ProportionalSample {
  private ProportionalSample() {}

  /** {@code [example] = {x, y}}. */
  static int[][] draw(Joint joint, int count, long seed) {
    int cells = joint.xs() * joint.ys();
    int[] counts = new int[cells];
    double[] remainders = new double[cells];
    int assigned = 0;
    for (int cell = 0; cell < cells; cell++) {
      double share = count * joint.probability(cell / joint.ys(), cell % joint.ys());
      counts[cell] = (int) Math.floor(share);
      remainders[cell] = share - counts[cell];
      assigned += counts[cell];
    }
    List<Integer> byRemainder = new ArrayList<>();
    for (int cell = 0; cell < cells; cell++) {
      byRemainder.add(cell);
    }
    byRemainder.sort(Comparator.comparingDouble((Integer cell) -> -remainders[cell]).thenComparing(cell -> cell));
    for (int i = 0; i < count - assigned; i++) {
      counts[byRemainder.get(i)]++;
    }
    int[][] pairs = new int[count][];
    int next = 0;
    for (int cell = 0; cell < cells; cell++) {
      for (int i = 0; i < counts[cell]; i++) {
        pairs[next++] = new int[] {cell / joint.ys(), cell % joint.ys()};
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = pairs.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int[] swap = pairs[i];
      pairs[i] = pairs[j];
      pairs[j] = swap;
    }
    return pairs;
  }
}
