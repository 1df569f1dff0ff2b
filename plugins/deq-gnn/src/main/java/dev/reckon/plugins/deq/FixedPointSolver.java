package dev.reckon.plugins.deq;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Solves {@code h = f(h)} for a batch of independent problems, each row of the first axis one
 * problem: plain fixed-point iteration {@code h <- f(h)}, or Anderson acceleration, which moves to
 * the combination of the last {@code memory} evaluations whose residuals {@code f(h) - h} cancel
 * best (Walker and Ni, 2011).
 *
 * <p>A problem's answer is the evaluation {@code f(h)} with the lowest relative residual {@code
 * |f(h) - h| / |f(h)|} so far (Anderson can overshoot); it is solved once that falls below the
 * tolerance, and its answer is then frozen. So what the solver holds after {@code k} evaluations
 * is what a solver capped at {@code k} would have returned. It stops when every problem is
 * solved or at the cap.
 *
 * <p>Every iteration works in a sub-manager closed at its end; only the iterate, the frozen
 * answer and Anderson's history outlive it, so memory does not grow with the iterations.
 */
public final class FixedPointSolver {
  /** Relative weight of the ridge that keeps Anderson's small least-squares problem invertible. */
  private static final double RIDGE = 1e-4;

  private final int memory;
  private final int cap;
  private final double tolerance;

  /**
   * @param memory Anderson's history length; 0 for plain iteration
   * @param cap the most evaluations of {@code f}
   * @param tolerance the relative residual at which a problem counts as solved
   */
  public FixedPointSolver(int memory, int cap, double tolerance) {
    if (memory < 0 || cap < 1 || !(tolerance > 0)) {
      throw new IllegalArgumentException(
          "need memory >= 0, cap >= 1 and tolerance > 0, got " + memory + ", " + cap + ", " + tolerance);
    }
    this.memory = memory;
    this.cap = cap;
    this.tolerance = tolerance;
  }

  /** The map to solve, computed in the scope it is given. */
  @FunctionalInterface
  public interface Mapping {
    /**
     * {@code f(h)}, the same shape as {@code h}. Arrays the map captures from outside must be
     * attached to {@code scope} temporarily ({@link NDArray#tempAttach}) so that what it makes
     * is freed with the scope.
     */
    NDArray apply(NDArray h, NDManager scope);
  }

  /** Sees the answer after every evaluation, e.g. to read it out at several caps in one solve. */
  @FunctionalInterface
  public interface Observer {
    /**
     * @param evaluations evaluations of {@code f} so far
     * @param answer the answers so far, owned by the solve's scope: copy what must outlive the call
     * @param residuals each problem's relative residual at its answer
     */
    void after(int evaluations, NDArray answer, float[] residuals);
  }

  /**
   * What a solve found.
   *
   * @param answer the fixed points, shaped like the start, owned by the start's manager
   * @param evaluations per problem, the evaluations it took to reach the tolerance, or the cap
   * @param residuals per problem, the relative residual at its answer, the lowest it reached
   * @param solved per problem, whether it reached the tolerance
   */
  public record Solution(NDArray answer, int[] evaluations, float[] residuals, boolean[] solved) {
    /** The mean of {@link #evaluations} over problems {@code from .. to - 1}: one seed's, say. */
    public double meanEvaluations(int from, int to) {
      return Arrays.stream(evaluations, from, to).average().orElse(0);
    }

    /** The mean of {@link #residuals} over problems {@code from .. to - 1}. */
    public double meanResidual(int from, int to) {
      double sum = 0;
      for (int p = from; p < to; p++) {
        sum += residuals[p];
      }
      return to == from ? 0 : sum / (to - from);
    }
  }

  /** Solves from {@code start} (not modified). */
  public Solution solve(Mapping map, NDArray start) {
    return solve(map, start, (evaluations, answer, residuals) -> {});
  }

  /** Solves from {@code start} (not modified), showing {@code observer} every evaluation. */
  public Solution solve(Mapping map, NDArray start, Observer observer) {
    requireNonNull(map, "map is null");
    requireNonNull(observer, "observer is null");
    NDManager owner = start.getManager();
    int problems = (int) start.getShape().get(0);
    Shape shape = start.getShape();
    int[] evaluations = new int[problems];
    Arrays.fill(evaluations, cap);
    boolean[] solved = new boolean[problems];
    float[] residuals = new float[problems];
    Arrays.fill(residuals, Float.POSITIVE_INFINITY);
    boolean[] better = new boolean[problems];
    try (NDManager scope = owner.newSubManager()) {
      NDArray iterate = start.duplicate();
      iterate.attach(scope);
      NDArray answer = scope.zeros(shape, start.getDataType());
      Deque<NDArray[]> history = new ArrayDeque<>();
      int done = 0;
      for (int k = 1; k <= cap && done < problems; k++) {
        try (NDManager step = scope.newSubManager()) {
          // The last iteration's arrays move into this one's scope, so that what is computed from
          // them lands there too; they are freed with it, the new ones moved out.
          step.attachAll(iterate, answer);
          NDArray value = map.apply(iterate, step);
          NDArray flatValue = value.reshape(problems, -1);
          NDArray flatIterate = iterate.reshape(problems, -1);
          float[] current = flatValue.sub(flatIterate).norm(new int[] {1})
              .div(flatValue.norm(new int[] {1}).add(1e-9f)).toFloatArray();
          // A problem takes this evaluation as its answer only where it lowers the residual, so a
          // solved problem keeps its answer and an unsolved one its best so far.
          for (int p = 0; p < problems; p++) {
            better[p] = !solved[p] && current[p] < residuals[p];
            if (better[p]) {
              residuals[p] = current[p];
              if (current[p] < tolerance) {
                solved[p] = true;
                evaluations[p] = k;
                done++;
              }
            }
          }
          NDArray take = step.create(better).reshape(broadcastShape(problems, shape)).broadcast(shape);
          NDArray nextAnswer = NDArrays.where(take, value, answer);
          NDArray next = memory == 0 ? value : anderson(history, flatIterate, flatValue, step).reshape(shape);
          answer = keep(nextAnswer, scope);
          iterate = keep(next, scope);
          observer.after(k, answer, residuals.clone());
        }
      }
      answer.attach(owner);
      return new Solution(answer, evaluations, residuals, solved);
    }
  }

  /** {@code array} moved out of an iteration's scope into {@code scope}. */
  private static NDArray keep(NDArray array, NDManager scope) {
    array.attach(scope);
    return array;
  }

  /**
   * Anderson's next iterate: with the last evaluations' residuals {@code G = F - X} ({@code [n, d]}
   * a problem), the weights {@code a} minimising {@code |G^T a|} with {@code sum a = 1} are
   * {@code (G G^T + ridge)^-1 1}, normalised; the next iterate is {@code a^T F}. The n-by-n
   * systems (n at most the memory) are solved here in double precision: the engine's batched
   * inverse goes through LAPACK, whose results varied from run to run at the same seed.
   */
  private NDArray anderson(Deque<NDArray[]> history, NDArray iterate, NDArray value, NDManager step) {
    NDManager scope = step.getParentManager();
    NDArray[] entry = {iterate.duplicate(), value.duplicate()};
    entry[0].attach(scope);
    entry[1].attach(scope);
    history.addLast(entry);
    if (history.size() > memory) {
      NDArray[] oldest = history.removeFirst();
      oldest[0].close();
      oldest[1].close();
    }
    NDList iterates = new NDList();
    NDList values = new NDList();
    for (NDArray[] past : history) {
      iterates.add(past[0]);
      values.add(past[1]);
    }
    NDArray x = NDArrays.stack(iterates, 1);
    NDArray f = NDArrays.stack(values, 1);
    x.attach(step);
    f.attach(step);
    NDArray g = f.sub(x);
    int problems = (int) g.getShape().get(0);
    int n = history.size();
    float[] gram = g.batchMatMul(g.transpose(0, 2, 1)).toFloatArray();
    float[] weights = new float[problems * n];
    for (int p = 0; p < problems; p++) {
      double[] solved = solveWithOnes(gram, p * n * n, n);
      double total = 0;
      for (double w : solved) {
        total += w;
      }
      for (int i = 0; i < n; i++) {
        weights[p * n + i] = (float) (solved[i] / total);
      }
    }
    return step.create(weights, new Shape(problems, 1, n)).batchMatMul(f).squeeze(1);
  }

  /**
   * Solves {@code (M + ridge * mean(diag M) * I) a = 1} for the n-by-n matrix {@code M} stored
   * row-major in {@code values} from {@code offset}, by Gaussian elimination with partial pivoting.
   */
  private static double[] solveWithOnes(float[] values, int offset, int n) {
    double[][] system = new double[n][n + 1];
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += values[offset + i * n + i];
    }
    double ridge = RIDGE * trace / n + 1e-12;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        system[i][j] = values[offset + i * n + j] + (i == j ? ridge : 0);
      }
      system[i][n] = 1;
    }
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int row = column + 1; row < n; row++) {
        if (Math.abs(system[row][column]) > Math.abs(system[pivot][column])) {
          pivot = row;
        }
      }
      double[] swap = system[column];
      system[column] = system[pivot];
      system[pivot] = swap;
      for (int row = column + 1; row < n; row++) {
        double factor = system[row][column] / system[column][column];
        for (int k = column; k <= n; k++) {
          system[row][k] -= factor * system[column][k];
        }
      }
    }
    double[] solution = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = system[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= system[row][k] * solution[k];
      }
      solution[row] = sum / system[row][row];
    }
    return solution;
  }

  private static Shape broadcastShape(int problems, Shape shape) {
    long[] dims = new long[shape.dimension()];
    Arrays.fill(dims, 1);
    dims[0] = problems;
    return new Shape(dims);
  }
}
