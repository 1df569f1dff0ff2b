package dev.reckon.runner.execution;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives the seeds of a cell from the run's seed, so that every model sees the same evaluation
 * puzzles for a (task, level, seed) and every seed is reproducible from the results alone.
 */
public final class Seeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  /** The run seed every run seed's evaluation examples are derived from ({@link #evaluationData}). */
  static final long EVALUATION_RUN_SEED = 1;

  private Seeds() {}

  /** A seed fixed by {@code seed} and the names in {@code parts}, the same on every machine. */
  public static long derive(long seed, String... parts) {
    long hash = FNV_OFFSET;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        hash = (hash ^ (b & 0xff)) * FNV_PRIME;
      }
      hash = (hash ^ 0xff) * FNV_PRIME; // a separator, so ("ab", "c") differs from ("a", "bc")
    }
    return new SplittableRandom(seed ^ hash).nextLong() & Long.MAX_VALUE;
  }

  /** The task's own seed, for what its training and evaluation share (a fixed map of cities). */
  public static long task(long seed, String task) {
    return derive(seed, "task", task);
  }

  public static long trainingData(long seed, String task, String level) {
    return derive(seed, "data", task, level, "train");
  }

  /**
   * The evaluation examples of a level: the same at every run seed (those of seed {@value
   * #EVALUATION_RUN_SEED}, so that seed's numbers stayed what they were), so that a run's seeds
   * differ only in training and two models, or two runs, are compared on the same examples, paired.
   */
  public static long evaluationData(String task, String level) {
    return derive(EVALUATION_RUN_SEED, "data", task, level, "eval");
  }

  /** The linear probe's folds and its control's shuffle; the same for every model of a task. */
  public static long probe(long seed, String task) {
    return derive(seed, "probe", task);
  }

  public static long model(long seed, String model, String task, String trainLevel) {
    return derive(seed, "model", model, task, trainLevel);
  }
}
