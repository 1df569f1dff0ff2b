package dev.reckon.kit;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A network's weights in a checkpoint, as every model built on this library keeps them: one file
 * in DJL's block parameter format, read back into a block built the same way.
 */
public final class BlockWeights {
  private BlockWeights() {}

  /** The number of weights of {@code block}, initialised. */
  public static long count(Block block) {
    return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
  }

  /** Writes {@code block}'s weights to {@code file}. */
  public static void save(Block block, Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      block.saveParameters(out);
    }
  }

  /**
   * Replaces {@code block}'s weights, then owned by {@code manager}, by those {@link #save} wrote to
   * {@code file}, marked trainable so that training may go on; {@code model} names the model in the
   * error of a file the block cannot read.
   */
  public static void load(Block block, NDManager manager, Path file, String model) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      block.loadParameters(manager, in);
    } catch (MalformedModelException e) {
      throw new IOException("malformed " + model + " parameters in " + file + ": " + e.getMessage(), e);
    }
    // Loading replaces the weights without marking them trainable.
    block.getParameters().values().forEach(parameter -> parameter.getArray().setRequiresGradient(true));
  }
}
