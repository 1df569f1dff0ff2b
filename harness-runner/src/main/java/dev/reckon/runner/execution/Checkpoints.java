package dev.reckon.runner.execution;

import dev.reckon.reports.RunFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where trained models are kept: {@code checkpoints/<model>/<task>/<train level>/seed-<seed>/}
 * in the run directory, written by {@code Model.save} after training. A run started with
 * {@code --checkpoints-from RUN} loads a cell's model from that run instead of training it again.
 *
 * @param saveTo the run directory's checkpoints folder
 * @param loadFrom another run's checkpoints folder, or null to train every model
 */
public record Checkpoints(Path saveTo, Path loadFrom) {
  public static Checkpoints of(Path runDirectory, Path loadFromRun) {
    return new Checkpoints(runDirectory.resolve(RunFormat.CHECKPOINTS),
        loadFromRun == null ? null : loadFromRun.resolve(RunFormat.CHECKPOINTS));
  }

  /** The folder this run saves the cell's model in. */
  Path saveFolder(CellKey key) {
    return saveTo.resolve(relative(key));
  }

  /** The saved model to load for the cell, if the source run has one. */
  Optional<Path> source(CellKey key) {
    if (loadFrom == null) {
      return Optional.empty();
    }
    Path folder = loadFrom.resolve(relative(key));
    return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
  }

  private static Path relative(CellKey key) {
    return Path.of(key.model(), key.task(), safe(key.trainLevel()), "seed-" + key.seed());
  }

  /** A file level's id holds a path; its separators must not nest folders. */
  static String safe(String level) {
    return level.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
