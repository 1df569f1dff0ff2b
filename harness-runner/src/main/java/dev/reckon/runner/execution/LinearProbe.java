package dev.reckon.runner.execution;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The linear probe of research note 000: how much of what a task's tokens stand for (a city's
 * coordinates) a ridge regression recovers from a model's token embeddings, cross-validated over
 * the tokens so that it cannot score by memorising them; and the same fit to coordinates shuffled
 * among the tokens, the control that says what any embedding of that width would score.
 */
final class LinearProbe {
  static final int FOLDS = 5;

  /**
   * The ridge penalties tried, each a share of the mean squared (centred) embedding norm, so that
   * the probe treats embeddings of every width and scale alike. Each outer fold picks its penalty
   * by an inner cross-validation on its own training tokens only (nested), so the held-out tokens
   * never choose it; the fit runs in the tokens' dual form, which needs no more tokens than
   * dimensions.
   */
  static final double[] RIDGES = {0.001, 0.01, 0.1, 1, 10, 100};

  /**
   * @param r2 the coefficient of determination of the held-out predictions, pooled over folds and
   *     coordinates (1 perfect, 0 no better than the mean, negative worse)
   * @param shuffledR2 the same with the coordinates shuffled among the tokens
   */
  record Fit(double r2, double shuffledR2) {}

  private LinearProbe() {}

  /** {@code embeddings} rows for tokens {@code 0..coordinates.length-1}, checked by the boundary rules. */
  static Fit fit(float[][] embeddings, double[][] coordinates, long seed) {
    int tokens = coordinates.length;
    Random random = new Random(seed);
    int[] fold = new int[tokens];
    int[] order = permutation(tokens, random);
    for (int i = 0; i < tokens; i++) {
      fold[order[i]] = i % Math.min(FOLDS, tokens);
    }
    int[] shuffle = permutation(tokens, random);
    double[][] shuffled = new double[tokens][];
    for (int token = 0; token < tokens; token++) {
      shuffled[token] = coordinates[shuffle[token]];
    }
    return new Fit(nestedR2(embeddings, coordinates, fold), nestedR2(embeddings, shuffled, fold));
  }

  /** Held-out predictions of every fold, each fold's penalty chosen on its training tokens alone. */
  private static double nestedR2(float[][] x, double[][] y, int[] fold) {
    int tokens = y.length;
    double[][] predicted = new double[tokens][];
    int folds = 1 + Arrays.stream(fold).max().orElse(0);
    for (int f = 0; f < folds; f++) {
      final int held = f;
      int[] train = IntStream.range(0, tokens).filter(t -> fold[t] != held).toArray();
      float[][] innerX = new float[train.length][];
      double[][] innerY = new double[train.length][];
      int[] innerFold = new int[train.length];
      for (int i = 0; i < train.length; i++) {
        innerX[i] = x[train[i]];
        innerY[i] = y[train[i]];
        innerFold[i] = i % Math.min(FOLDS, train.length);
      }
      double best = RIDGES[0];
      double bestR2 = Double.NEGATIVE_INFINITY;
      for (double ridge : RIDGES) {
        double r2 = r2(innerY, crossValidated(innerX, innerY, innerFold, ridge));
        if (r2 > bestR2) {
          bestR2 = r2;
          best = ridge;
        }
      }
      int[] onlyHeld = IntStream.range(0, tokens).map(t -> fold[t] == held ? 0 : 1).toArray();
      double[][] fitted = crossValidated(x, y, onlyHeld, best);
      for (int t = 0; t < tokens; t++) {
        if (fold[t] == held) {
          predicted[t] = fitted[t];
        }
      }
    }
    return r2(y, predicted);
  }

  /**
   * Predictions of every token in folds {@code 0..}, each fitted on the tokens of the other folds
   * at one ridge penalty; a token whose fold is not {@code 0} with {@code fold} of two values is
   * only trained on.
   */
  private static double[][] crossValidated(float[][] x, double[][] y, int[] fold, double ridge) {
    int tokens = y.length;
    int outputs = y[0].length;
    double[][] predicted = new double[tokens][];
    int folds = 1 + Arrays.stream(fold).max().orElse(0);
    for (int f = 0; f < folds; f++) {
      final int held = f;
      int[] train = IntStream.range(0, tokens).filter(t -> fold[t] != held).toArray();
      if (train.length == 0) {
        continue;
      }
      double[] xMean = mean(x, train);
      double[] yMean = meanOf(y, train);
      int m = train.length;
      double[][] kernel = new double[m][m];
      double trace = 0;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j <= i; j++) {
          kernel[i][j] = kernel[j][i] = dot(x[train[i]], x[train[j]], xMean);
        }
        trace += kernel[i][i];
      }
      double penalty = Math.max(ridge * trace / m, 1e-12);
      for (int i = 0; i < m; i++) {
        kernel[i][i] += penalty;
      }
      double[][] centred = new double[m][outputs];
      for (int i = 0; i < m; i++) {
        for (int c = 0; c < outputs; c++) {
          centred[i][c] = y[train[i]][c] - yMean[c];
        }
      }
      double[][] weights = Cholesky.solve(kernel, centred);
      for (int t = 0; t < tokens; t++) {
        if (fold[t] != held) {
          continue;
        }
        double[] p = yMean.clone();
        for (int i = 0; i < m; i++) {
          double k = dot(x[t], x[train[i]], xMean);
          for (int c = 0; c < outputs; c++) {
            p[c] += k * weights[i][c];
          }
        }
        predicted[t] = p;
      }
    }
    return predicted;
  }

  /** The coefficient of determination of {@code predicted} (rows not predicted are left out). */
  private static double r2(double[][] y, double[][] predicted) {
    int[] scored = IntStream.range(0, y.length).filter(t -> predicted[t] != null).toArray();
    double[] overall = meanOf(y, scored);
    double residual = 0;
    double total = 0;
    for (int t : scored) {
      for (int c = 0; c < overall.length; c++) {
        residual += square(y[t][c] - predicted[t][c]);
        total += square(y[t][c] - overall[c]);
      }
    }
    return total == 0 ? 0 : 1 - residual / total;
  }

  private static double dot(float[] a, float[] b, double[] mean) {
    double sum = 0;
    for (int d = 0; d < mean.length; d++) {
      sum += (a[d] - mean[d]) * (b[d] - mean[d]);
    }
    return sum;
  }

  private static double[] mean(float[][] rows, int[] which) {
    double[] mean = new double[rows[0].length];
    for (int r : which) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += rows[r][d] / (double) which.length;
      }
    }
    return mean;
  }

  private static double[] meanOf(double[][] rows, int[] which) {
    double[] mean = new double[rows[0].length];
    for (int r : which) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += rows[r][d] / which.length;
      }
    }
    return mean;
  }

  private static double square(double v) {
    return v * v;
  }

  private static int[] permutation(int n, Random random) {
    int[] order = IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Solves a symmetric positive definite system for several right-hand sides. */
  private static final class Cholesky {
    static double[][] solve(double[][] a, double[][] b) {
      int n = a.length;
      double[][] l = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          double sum = a[i][j];
          for (int k = 0; k < j; k++) {
            sum -= l[i][k] * l[j][k];
          }
          l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
        }
      }
      int outputs = b[0].length;
      double[][] x = new double[n][outputs];
      for (int c = 0; c < outputs; c++) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
          double sum = b[i][c];
          for (int k = 0; k < i; k++) {
            sum -= l[i][k] * z[k];
          }
          z[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
          double sum = z[i];
          for (int k = i + 1; k < n; k++) {
            sum -= l[k][i] * x[k][c];
          }
          x[i][c] = sum / l[i][i];
        }
      }
      return x;
    }
  }
}
