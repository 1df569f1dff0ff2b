package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {
  private static final int CITIES = 30;
  private static final int WIDTH = 64;

  private static double[][] cities(Random random) {
    double[][] points = new double[CITIES][];
    for (int c = 0; c < CITIES; c++) {
      points[c] = new double[] {random.nextDouble(), random.nextDouble()};
    }
    return points;
  }

  /** Embeddings that hold the coordinates linearly, mixed into many noisy dimensions. */
  private static float[][] encoding(double[][] points, Random random, double noise) {
    double[][] mix = new double[WIDTH][2];
    for (double[] row : mix) {
      row[0] = random.nextGaussian();
      row[1] = random.nextGaussian();
    }
    float[][] embeddings = new float[points.length][WIDTH];
    for (int c = 0; c < points.length; c++) {
      for (int d = 0; d < WIDTH; d++) {
        embeddings[c][d] = (float) (mix[d][0] * points[c][0] + mix[d][1] * points[c][1] + noise * random.nextGaussian());
      }
    }
    return embeddings;
  }

  @Test
  void embeddingsThatHoldTheLocationsScoreHighAndTheirShuffledControlDoesNot() {
    Random random = new Random(3);
    double[][] points = cities(random);
    LinearProbe.Fit fit = LinearProbe.fit(encoding(points, random, 0.05), points, 11);
    assertTrue(fit.r2() > 0.9, "r2 " + fit.r2());
    assertTrue(fit.shuffledR2() < 0.2, "shuffled r2 " + fit.shuffledR2());
  }

  @Test
  void embeddingsThatKnowNothingOfTheLocationsScoreNearZeroOrBelow() {
    Random random = new Random(4);
    double[][] points = cities(random);
    float[][] unrelated = encoding(cities(random), random, 0.05);
    LinearProbe.Fit fit = LinearProbe.fit(unrelated, points, 11);
    assertTrue(fit.r2() < 0.2, "r2 " + fit.r2());
  }

  @Test
  void theSameSeedGivesTheSameFit() {
    Random random = new Random(5);
    double[][] points = cities(random);
    float[][] embeddings = encoding(points, random, 0.5);
    assertEquals(LinearProbe.fit(embeddings, points, 7), LinearProbe.fit(embeddings, points, 7));
  }
}
