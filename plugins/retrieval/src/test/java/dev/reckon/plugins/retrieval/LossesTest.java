package dev.reckon.plugins.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The answer-target losses reduce to the drawn-key losses when every answer is one key. */
class LossesTest {
  private static final float[] SCORES = {0.3f, -1.2f, 2.0f, 0.7f, 1.1f, -0.4f, 0.0f, 0.9f, -2.2f};

  @Test
  void infoNceWithOnlyTheDiagonalMatchingIsThePlainLoss() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      NDArray scores = manager.create(SCORES, new Shape(1, 3, 3));
      float plain = InfoNceLoss.symmetric(scores).getFloat(0);
      assertEquals(plain, InfoNceLoss.symmetric(scores, manager.eye(3).expandDims(0)).getFloat(0), 1e-6);
      // by hand: the mean of -log softmax along rows and along columns, on the diagonal
      assertEquals(handInfoNce(), plain, 1e-5);
    }
  }

  @Test
  void answerTargetsOfOneKeyAreTheDrawnKeyLoss() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      NDArray scores = manager.create(SCORES, new Shape(1, 3, 3));
      NDArray positives = manager.create(new int[] {2, 0, 1}, new Shape(1, 3));
      NDArray answers = positives.oneHot(3, DataType.FLOAT32);
      assertEquals(KeyCrossEntropy.of(scores, positives).getFloat(0),
          KeyCrossEntropy.ofAnswers(scores, answers).getFloat(0), 1e-6);
    }
  }

  @Test
  void answerTargetsSpreadTheTargetOverTheAnswer() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      NDArray scores = manager.create(new float[] {1, 1, 1, 1}, new Shape(1, 1, 4));
      NDArray answers = manager.create(new float[] {1, 1, 0, 0}, new Shape(1, 1, 4));
      // a uniform prediction against a uniform target on 2 of 4 keys: cross-entropy log 4
      assertEquals(Math.log(4), KeyCrossEntropy.ofAnswers(scores, answers).getFloat(0), 1e-6);
    }
  }

  private static double handInfoNce() {
    double total = 0;
    for (int i = 0; i < 3; i++) {
      double row = 0;
      double column = 0;
      for (int j = 0; j < 3; j++) {
        row += Math.exp(SCORES[3 * i + j]);
        column += Math.exp(SCORES[3 * j + i]);
      }
      total += -(SCORES[4 * i] - Math.log(row)) - (SCORES[4 * i] - Math.log(column));
    }
    return total / (2 * 3);
  }
}
