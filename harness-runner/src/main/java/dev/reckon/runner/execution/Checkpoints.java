package dev.reckon.runner.execution;

import dev.reckon.reports.format.RunFormat;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
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
  /** The most bytes of one cell's checkpoint that the runner takes into the run. */
  static final long CAP = 4L << 30;

  /** The most files and folders of one cell's checkpoint. */
  static final int MOST_ENTRIES = 10_000;

  /**
   * A cell's checkpoints as its own process sees them: the folder it saves its model in (its work
   * folder's, never the run's), and the saved model to load instead of training, with the name
   * the cell's reason gives it (its place in the source run).
   */
  record ForCell(Path saveTo, Optional<Path> loadFrom, String loadFromName) {}

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

  /**
   * Takes the checkpoint a cell's process saved in {@code saved} (a folder of its work folder)
   * into this run's folder for the cell, once the process has ended: plain files and folders only,
   * at most {@link #MOST_ENTRIES} of them and {@link #CAP} bytes in all. Returns why the
   * checkpoint is refused, if it is; then nothing of it enters the run.
   */
  Optional<String> collect(CellKey key, Path saved) throws IOException {
    List<Path> entries = new ArrayList<>();
    long[] bytes = {0};
    String[] refused = {null};
    Files.walkFileTree(saved, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
        return visit(directory, attributes);
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        return visit(file, attributes);
      }

      private FileVisitResult visit(Path path, BasicFileAttributes attributes) {
        String name = saved.relativize(path).toString();
        if (!attributes.isDirectory() && !attributes.isRegularFile()) {
          refused[0] = "its checkpoint holds '" + name + "', which is not a plain file or folder (a symbolic link, "
              + "a device or a pipe); a checkpoint is files and folders only";
        } else if (entries.size() >= MOST_ENTRIES) {
          refused[0] = "its checkpoint holds more than " + MOST_ENTRIES + " files and folders, the cap of a checkpoint";
        } else if ((bytes[0] += attributes.size()) > CAP) {
          refused[0] = "its checkpoint is larger than " + CellChannel.size(CAP) + ", the cap of a checkpoint";
        }
        entries.add(path);
        return refused[0] == null ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
      }
    });
    if (refused[0] != null) {
      return Optional.of(refused[0]);
    }
    Path folder = saveFolder(key);
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      ChildJvm.deleteQuietly(folder);
    }
    Files.createDirectories(folder);
    for (Path entry : entries) {
      Path target = folder.resolve(saved.relativize(entry).toString());
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(target);
      } else {
        Files.copy(entry, target, LinkOption.NOFOLLOW_LINKS);
      }
    }
    return Optional.empty();
  }

  private static Path relative(CellKey key) {
    return Path.of(key.model(), key.task(), safe(key.trainLevel()), seedFolder(key.seed()));
  }

  /** A seed's folder among its cell's checkpoints, here and in a group's work folder. */
  static String seedFolder(long seed) {
    return "seed-" + seed;
  }

  /** A file level's id holds a path; its separators must not nest folders. */
  static String safe(String level) {
    return level.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
