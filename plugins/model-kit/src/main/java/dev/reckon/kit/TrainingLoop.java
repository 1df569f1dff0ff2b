package dev.reckon.kit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDManager;
import dev.reckon.api.TrainingLog;
import java.util.List;

/**
 * The loop every learning model trains in: for each update, a scope of its own for the batch's
 * arrays (closed at the update's end, so memory stays flat), the model's update in it, the curves
 * at the {@link Cadence}, then, after the optimiser's step and outside any gradient scope, the
 * cumulative {@link TrainingLog#TRAINING_FLOPS} (the runner may predict from inside that call at a
 * compute budget) and the progress.
 *
 * <p>Per update the curves come in one order: {@link TrainingLog#LOSS}, {@link
 * TrainingLog#UPDATE_MEMORY}, the model's own logged curves ({@link Outcome#logged}), at the
 * evaluation cadence the training batch's metrics ({@link Outcome#evaluated}), then the FLOPs.
 */
public final class TrainingLoop {
  private TrainingLoop() {}

  /** One optimiser update of a model. */
  @FunctionalInterface
  public interface Update {
    /**
     * Makes update number {@code update} (from 1), its arrays in {@code scope}.
     *
     * @return what the update measured; read only inside the scope
     */
    Outcome apply(NDManager scope, int update);
  }

  /**
   * What an update measured, read by the loop before the update's scope closes. A network of K
   * seeds ({@link SeedAxis}) answers for each seed: {@code member} is the seed's slice, 0 alone.
   */
  public interface Outcome {
    /** Seed {@code member}'s loss before the update's step. */
    double loss(int member);

    /**
     * The megabytes of engine arrays the update held ({@link dev.reckon.api.UpdateMemory}), for
     * all its seeds: each seed's curve gets its share, this divided by the seeds.
     */
    double memoryMegabytes();

    /**
     * Whether the loop records {@link #memoryMegabytes} at the log cadence: false for a model
     * whose curves never held it, so that its training log stays what it was.
     */
    default boolean measuresMemory() {
      return true;
    }

    /** One seed's floating-point operations in the update, forward and backward. */
    long flops();

    /**
     * Seed {@code member}'s floating-point operations in the update: {@link #flops} unless the seeds
     * of one update compute different amounts (a solver that stops at each seed's own fixed point).
     */
    default long flops(int member) {
      return flops();
    }

    /** Seed {@code member}'s curves of the model's own at the log cadence, after the loss and memory. */
    default void logged(int member, Curves curves) {}

    /**
     * Seed {@code member}'s training batch metrics at the evaluation cadence, e.g. {@link
     * TrainingLog#EXAMPLE_ACCURACY}.
     */
    default void evaluated(int member, Curves curves) {}
  }

  /** Where an outcome records a point of a curve at its update. */
  @FunctionalInterface
  public interface Curves {
    void record(String curve, double value);
  }

  /** Runs {@code cadence.updates()} updates of {@code update}, each in a sub-scope of {@code manager}. */
  public static void run(NDManager manager, Cadence cadence, TrainingLog log, Update update) {
    run(manager, cadence, List.of(log), update);
  }

  /**
   * As {@link #run(NDManager, Cadence, TrainingLog, Update)} for a network of K seeds: seed k's
   * curves go to {@code logs.get(k)}, each as its own run would have written them.
   */
  public static void run(NDManager manager, Cadence cadence, List<TrainingLog> logs, Update update) {
    requireNonNull(manager, "manager is null");
    requireNonNull(cadence, "cadence is null");
    requireNonNull(logs, "logs is null");
    requireNonNull(update, "update is null");
    long[] trainingFlops = new long[logs.size()];
    for (int number = 1; number <= cadence.updates(); number++) {
      int at = number;
      try (NDManager scope = manager.newSubManager()) {
        Outcome outcome = update.apply(scope, number);
        for (int member = 0; member < logs.size(); member++) {
          TrainingLog log = logs.get(member);
          if (cadence.logs(number)) {
            log.record(number, TrainingLog.LOSS, outcome.loss(member));
            if (outcome.measuresMemory()) {
              log.record(number, TrainingLog.UPDATE_MEMORY, outcome.memoryMegabytes() / logs.size());
            }
            outcome.logged(member, (curve, value) -> log.record(at, curve, value));
          }
          if (cadence.evaluates(number)) {
            outcome.evaluated(member, (curve, value) -> log.record(at, curve, value));
          }
        }
        for (int member = 0; member < logs.size(); member++) {
          trainingFlops[member] += outcome.flops(member);
        }
      }
      // After the optimiser step and outside the gradient scope: the runner may predict from here.
      for (int member = 0; member < logs.size(); member++) {
        logs.get(member).record(number, TrainingLog.TRAINING_FLOPS, (double) trainingFlops[member]);
        logs.get(member).progress(number, cadence.updates());
      }
    }
  }
}
