package dev.reckon.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reckon.api.TrainingLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop records its curves in one order at the cadence, and frees each update's arrays. */
class TrainingLoopTest {
  @Test
  void eachUpdateRecordsItsCurvesInOrderAtTheCadenceAndTheFlopsAfterTheScope() {
    List<String> points = new ArrayList<>();
    TrainingLog log = (update, metric, value) -> points.add(update + " " + metric + " " + value);

    try (NDManager manager = NDManager.newBaseManager()) {
      TrainingLoop.run(manager, new Cadence(3, 2, 3), log, (scope, update) -> new TrainingLoop.Outcome() {
        @Override
        public double loss(int member) {
          return update / 10.0;
        }

        @Override
        public double memoryMegabytes() {
          return 1;
        }

        @Override
        public long flops() {
          return 100;
        }

        @Override
        public void logged(int member, TrainingLoop.Curves curves) {
          curves.record("solver_iterations", 7);
        }

        @Override
        public void evaluated(int member, TrainingLoop.Curves curves) {
          curves.record(TrainingLog.EXAMPLE_ACCURACY, 0.5);
        }
      });
    }

    assertEquals(List.of(
        "1 training_flops 100.0",
        "2 loss 0.2", "2 update_memory_mb 1.0", "2 solver_iterations 7.0", "2 training_flops 200.0",
        "3 loss 0.3", "3 update_memory_mb 1.0", "3 solver_iterations 7.0", "3 train_example_accuracy 0.5",
        "3 training_flops 300.0"), points);
  }

  @Test
  void theArraysOfAnUpdateAreFreedWhenItEnds() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TrainingLoop.run(manager, new Cadence(50, 10, 10), (update, metric, value) -> {},
          (scope, update) -> {
            scope.ones(new Shape(256, 256));
            return new TrainingLoop.Outcome() {
              @Override
              public double loss(int member) {
                return 0;
              }

              @Override
              public double memoryMegabytes() {
                return 0;
              }

              @Override
              public long flops() {
                return 0;
              }
            };
          });

      assertEquals(0, manager.getManagedArrays().size());
    }
  }
}
