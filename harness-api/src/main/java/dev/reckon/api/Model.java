package dev.reckon.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One model instance, owned by one cell. The runner closes it when the cell ends, so native
 * memory (NDManagers, parameters) is released there.
 */
public interface Model extends AutoCloseable {
  /** Learns from {@code training} (with answers), reporting its curve to {@code log}. */
  default void train(Dataset training, TrainingLog log) {}

  /**
   * Predicts for {@code inputs} (shown without answers) at every iteration count the model runs
   * at, e.g. 1, 2, 4, ... up to 4x its training iterations.
   */
  Predictions predict(Dataset inputs);

  /** The iteration count the model was trained with, if it iterates. */
  default OptionalInt trainedIterations() {
    return OptionalInt.empty();
  }

  /** Number of trainable parameters, 0 for models without any. */
  default long parameterCount() {
    return 0;
  }

  /**
   * The model's embedding of each input token, {@code [token][dimension]}, for tokens {@code
   * 0..vocabulary-1}, if it has one. The runner fits a linear probe from them to what a task says
   * its tokens stand for ({@link Task#tokenCoordinates()}, e.g. cities' positions).
   */
  default Optional<float[][]> tokenEmbeddings() {
    return Optional.empty();
  }

  /** Writes what {@link #load} needs to predict again without training. */
  default void save(Path directory) throws IOException {}

  /** Restores a model written by {@link #save}. */
  default void load(Path directory) throws IOException {
    throw new UnsupportedOperationException(getClass().getName() + " cannot load a checkpoint");
  }

  @Override
  default void close() {}
}
