package dev.reckon.tasks.infonce;

import java.util.Locale;

/**
 * A known joint distribution p(x, y) on small finite supports, given by integer weights, and the
 * two tables a model's softmax over y is compared with: the conditional p(y|x), which likelihood
 * training converges to, and the normalised PMI ratio, which InfoNCE converges to.
 */
enum Joint {
  /** The note's first joint: p(x, y) = p(x) p(y), here with p(x) and p(y) proportional to 1, ..., 6. */
  PRODUCT("product", "the product of its marginals, p(x) and p(y) proportional to 1, ..., 6", weights(6, 6,
      (x, y) -> (x + 1) * (y + 1))),
  /** The note's second synthetic joint, whose formula the note does not give: a dependent one of ours. */
  DEPENDENT("dependent", "a dependent joint, p(x, y) proportional to 1 + x y for x, y in 0, ..., 5", weights(6, 6,
      (x, y) -> 1 + x * y)),
  /** Two fair dice rolled: x is their sum (2 to 12), y their maximum (1 to 6). */
  DICE("dice", "two fair dice: x their sum (2 to 12), y their maximum (1 to 6)", diceWeights());

  private final String id;
  private final String description;
  private final double[][] probability;
  private final double[][] conditional;
  private final double[][] pmiConditional;

  Joint(String id, String description, int[][] weights) {
    this.id = id;
    this.description = description;
    double total = 0;
    for (int[] row : weights) {
      for (int weight : row) {
        total += weight;
      }
    }
    int ys = weights[0].length;
    probability = new double[weights.length][ys];
    double[] marginalY = new double[ys];
    for (int x = 0; x < weights.length; x++) {
      for (int y = 0; y < ys; y++) {
        probability[x][y] = weights[x][y] / total;
        marginalY[y] += probability[x][y];
      }
    }
    conditional = new double[weights.length][];
    pmiConditional = new double[weights.length][];
    for (int x = 0; x < weights.length; x++) {
      double[] ratio = new double[ys];
      for (int y = 0; y < ys; y++) {
        // p(x, y) / (p(x) p(y)) normalised over y is p(y|x) / p(y) normalised: p(x) cancels.
        ratio[y] = probability[x][y] / marginalY[y];
      }
      conditional[x] = normalised(probability[x]);
      pmiConditional[x] = normalised(ratio);
    }
  }

  String id() {
    return id;
  }

  String description() {
    return String.format(Locale.ROOT, "%s; %d x values, %d y values; I(x; y) = %.4f nats", description, xs(), ys(),
        mutualInformation());
  }

  int xs() {
    return probability.length;
  }

  int ys() {
    return probability[0].length;
  }

  /** p(x, y). */
  double probability(int x, int y) {
    return probability[x][y];
  }

  /** p(y|x) over every y: what the normalised table of a likelihood-trained model converges to. */
  double[] conditional(int x) {
    return conditional[x].clone();
  }

  /** p(x, y) / (p(x) p(y)) normalised over y: what InfoNCE's normalised table converges to. */
  double[] pmiConditional(int x) {
    return pmiConditional[x].clone();
  }

  /** I(x; y) in nats: 0 for the product of marginals; the levels' difficulty axis. */
  double mutualInformation() {
    double information = 0;
    for (int x = 0; x < xs(); x++) {
      for (int y = 0; y < ys(); y++) {
        if (probability[x][y] > 0) {
          information += probability[x][y] * Math.log(conditional[x][y] / marginalY(y));
        }
      }
    }
    return information;
  }

  private double marginalY(int y) {
    double sum = 0;
    for (double[] row : probability) {
      sum += row[y];
    }
    return sum;
  }

  private static double[] normalised(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] / sum;
    }
    return result;
  }

  private interface Weight {
    int of(int x, int y);
  }

  private static int[][] weights(int xs, int ys, Weight weight) {
    int[][] weights = new int[xs][ys];
    for (int x = 0; x < xs; x++) {
      for (int y = 0; y < ys; y++) {
        weights[x][y] = weight.of(x, y);
      }
    }
    return weights;
  }

  /** The 36 ordered rolls counted by (sum - 2, max - 1). */
  private static int[][] diceWeights() {
    int[][] weights = new int[11][6];
    for (int first = 1; first <= 6; first++) {
      for (int second = 1; second <= 6; second++) {
        weights[first + second - 2][Math.max(first, second) - 1]++;
      }
    }
    return weights;
  }
}
