package dev.reckon.plugins.deq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The solvers on {@code f(h) = A h + b} with {@code A} symmetric of spectral norm 0.95, a
 * contraction whose fixed point is chosen first: {@code b = h* - A h*}. Plain iteration shrinks
 * the error by 0.95 an evaluation (about 225 evaluations to 1e-5); Anderson should need far fewer.
 */
class FixedPointSolverTest {
  private static final int PROBLEMS = 3;
  private static final int SIZE = 24;
  private static final double TOLERANCE = 1e-5;

  private NDManager manager;
  private NDArray matrix;
  private NDArray offset;
  private float[] fixedPoint;

  @BeforeEach
  void contraction() {
    manager = NDManager.newBaseManager("PyTorch");
    SplittableRandom random = new SplittableRandom(7);
    double[][] symmetric = new double[SIZE][SIZE];
    for (int i = 0; i < SIZE; i++) {
      for (int j = 0; j <= i; j++) {
        symmetric[i][j] = symmetric[j][i] = random.nextDouble(-1, 1);
      }
    }
    double scale = 0.95 / spectralNorm(symmetric);
    float[] a = new float[SIZE * SIZE];
    for (int i = 0; i < SIZE; i++) {
      for (int j = 0; j < SIZE; j++) {
        a[i * SIZE + j] = (float) (symmetric[i][j] * scale);
      }
    }
    fixedPoint = new float[PROBLEMS * SIZE];
    for (int i = 0; i < fixedPoint.length; i++) {
      fixedPoint[i] = (float) random.nextDouble(-2, 2);
    }
    matrix = manager.create(a, new Shape(SIZE, SIZE));
    NDArray solution = manager.create(fixedPoint, new Shape(PROBLEMS, SIZE));
    offset = solution.sub(solution.matMul(matrix));
  }

  @AfterEach
  void free() {
    manager.close();
  }

  @Test
  void bothSolversReachTheKnownFixedPointAndAndersonInFewerEvaluations() {
    FixedPointSolver.Solution plain = new FixedPointSolver(0, 1000, TOLERANCE).solve(this::affine, start());
    FixedPointSolver.Solution anderson = new FixedPointSolver(5, 1000, TOLERANCE).solve(this::affine, start());

    for (FixedPointSolver.Solution solution : List.of(plain, anderson)) {
      for (int p = 0; p < PROBLEMS; p++) {
        assertTrue(solution.solved()[p], "problem " + p + " not solved");
        assertTrue(solution.residuals()[p] < TOLERANCE, "residual " + solution.residuals()[p]);
      }
      assertTrue(relativeError(solution.answer()) < 1e-3, "error " + relativeError(solution.answer()));
    }
    for (int p = 0; p < PROBLEMS; p++) {
      assertTrue(anderson.evaluations()[p] * 2 < plain.evaluations()[p],
          "problem " + p + ": Anderson " + anderson.evaluations()[p] + " vs plain " + plain.evaluations()[p]);
    }
  }

  @Test
  void theObserverSeesWhatASolverCappedThereReturns() {
    List<float[]> seen = new ArrayList<>();
    new FixedPointSolver(5, 12, TOLERANCE).solve(this::affine, start(),
        (evaluations, answer, residuals) -> seen.add(answer.toFloatArray()));
    FixedPointSolver.Solution capped = new FixedPointSolver(5, 7, TOLERANCE).solve(this::affine, start());

    assertEquals(12, seen.size());
    assertArrayEquals(capped.answer().toFloatArray(), seen.get(6), 1e-6f);
    assertArrayEquals(new int[] {7, 7, 7}, capped.evaluations());
  }

  @Test
  void anIterationLeavesNoArraysBehind() {
    NDArray start = start();
    int before = manager.getManagedArrays().size();
    FixedPointSolver.Solution solution = new FixedPointSolver(5, 40, TOLERANCE).solve(this::affine, start);

    assertEquals(before + 1, manager.getManagedArrays().size(), "only the answer remains");
    solution.answer().close();
  }

  private NDArray affine(NDArray h, NDManager scope) {
    return h.matMul(matrix).add(offset);
  }

  private NDArray start() {
    return manager.zeros(new Shape(PROBLEMS, SIZE));
  }

  private double relativeError(NDArray answer) {
    float[] found = answer.toFloatArray();
    double error = 0;
    double norm = 0;
    for (int i = 0; i < found.length; i++) {
      error += (found[i] - fixedPoint[i]) * (found[i] - fixedPoint[i]);
      norm += fixedPoint[i] * fixedPoint[i];
    }
    return Math.sqrt(error / norm);
  }

  /** The largest singular value, by power iteration on {@code M^T M}. */
  private static double spectralNorm(double[][] m) {
    double[] v = new double[m.length];
    java.util.Arrays.fill(v, 1);
    double norm = 0;
    for (int round = 0; round < 500; round++) {
      double[] w = multiply(m, multiply(m, v));
      norm = Math.sqrt(java.util.Arrays.stream(w).map(x -> x * x).sum());
      for (int i = 0; i < v.length; i++) {
        v[i] = w[i] / norm;
      }
    }
    return Math.sqrt(norm);
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        out[i] += m[i][j] * v[j];
      }
    }
    return out;
  }
}
