package dev.reckon.plugins.transformers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reckon.api.Model;
import dev.reckon.api.SequenceDataset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sanity check of a correct transformer: the small stack at its defaults reaches 100% exact
 * match on held-out copy and reverse examples (4 to 6 tokens over 8) within its 2000 updates.
 * Minutes on a shared CPU: it runs under -Pslow.
 */
class CopyAndReverseTest {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theSmallStackCopiesAndReversesExactly(boolean reverse) {
    CopyTask task = new CopyTask(reverse);
    SequenceDataset training = task.examples(4000, 1);
    SequenceDataset heldOut = task.examples(500, 2);
    long start = System.nanoTime();
    try (Model model = TransformerFixtures.create(TransformerFactory.small(), task, Map.of(), 7)) {
      model.train(training, TransformerFixtures.IGNORED);
      double[] accuracy = TransformerFixtures.exactAccuracy(model, heldOut);
      System.out.printf(Locale.ROOT, "%s: exact %s after %.1f s%n", reverse ? "reverse" : "copy",
          Arrays.toString(accuracy), (System.nanoTime() - start) / 1e9);
      assertEquals(1.0, accuracy[0], (reverse ? "reverse" : "copy") + " exact match on held-out examples");
    }
  }
}
