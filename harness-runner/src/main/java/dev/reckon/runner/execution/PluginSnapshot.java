package dev.reckon.runner.execution;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.runner.plugins.Plugin;
import dev.reckon.runner.plugins.PluginFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's own copy of the plugins its cells use ({@link RunFormat#PLUGIN_JARS}): a cell loads its
 * model's and task's plugins from here, never from the plugin directories, so a jar overwritten or
 * dropped there mid-run (by a model, say) reaches no cell, and the sha256 the manifest names is
 * that of the code that ran.
 *
 * <p>Each plugin lies in a folder named by its {@linkplain #key content}, under its own file name:
 * {@code plugin-jars/<key>/model-rrn.jar}, or {@code plugin-jars/<key>/bundle/} with its jars. The
 * name is the check: the copy is verified against it when taken and again by the cell's process
 * before it loads a class ({@link #verify}). Shards and attempts of one run make the same folders.
 */
public final class PluginSnapshot {
  private final Path runDirectory;
  /** Each used plugin's copy, in discovery order: a cell loads its plugins in that order, as the runner did. */
  private final Map<Plugin, Path> copies;

  private PluginSnapshot(Path runDirectory, Map<Plugin, Path> copies) {
    this.runDirectory = runDirectory;
    this.copies = copies;
  }

  /**
   * Copies {@code plugins} (the run's, in discovery order) into {@code runDirectory}, keeping a copy
   * an earlier attempt or shard made when it still verifies.
   *
   * @throws IllegalStateException when a jar's copy is not what discovery read (it changed since)
   */
  public static PluginSnapshot take(Path runDirectory, List<Plugin> plugins) {
    Map<Plugin, Path> copies = new LinkedHashMap<>();
    plugins.forEach(plugin -> copies.put(plugin, copy(plugin, runDirectory.resolve(RunFormat.PLUGIN_JARS))));
    return new PluginSnapshot(runDirectory, copies);
  }

  /** The copies of the plugins of these sources, in discovery order: what a cell of theirs loads, and nothing else. */
  public List<Path> sources(Collection<Path> sources) {
    return copies.entrySet().stream().filter(entry -> sources.contains(entry.getKey().source()))
        .map(Map.Entry::getValue).toList();
  }

  /** Where the run keeps {@code plugin}'s copy, relative to the run directory; empty for a plugin no cell uses. */
  public Optional<String> place(Plugin plugin) {
    return Optional.ofNullable(copies.get(plugin)).map(copy -> runDirectory.relativize(copy).toString());
  }

  /**
   * Checks a copy against its folder's name before plugin code of it runs.
   *
   * @throws IllegalStateException naming the plugin when a jar of it changed since it was copied
   */
  public static void verify(Path copy) {
    String expected = copy.getParent().getFileName().toString();
    if (!key(copy).equals(expected)) {
      throw new IllegalStateException("the run's copy of plugin " + copy.getFileName() + " (" + RunFormat.PLUGIN_JARS
          + "/" + expected + ") changed after the run started; it is not loaded");
    }
  }

  private static Path copy(Plugin plugin, Path folder) {
    String key = key(plugin.jars());
    Path target = folder.resolve(key).resolve(plugin.source().getFileName());
    if (Files.exists(target) && key(target).equals(key)) {
      return target;
    }
    Path partial = folder.resolve(key + ".partial");
    try {
      ChildJvm.deleteQuietly(partial);
      Path copy = partial.resolve(plugin.source().getFileName());
      if (Files.isDirectory(plugin.source())) {
        Files.createDirectories(copy);
        for (Plugin.Jar jar : plugin.jars()) {
          Files.copy(jar.path(), copy.resolve(jar.path().getFileName()));
        }
      } else {
        Files.createDirectories(partial);
        Files.copy(plugin.source(), copy);
      }
      if (!key(copy).equals(key)) {
        throw new IllegalStateException("plugin " + plugin.source() + " changed while the run started: its jars are "
            + "not those discovery read and hashed; start the run again");
      }
      // a copy an earlier attempt made that no longer verifies is replaced
      ChildJvm.deleteQuietly(target.getParent());
      Files.move(partial, target.getParent(), StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy plugin " + plugin.source() + " into " + folder, e);
    }
  }

  /** The content key of a plugin copy on disk: its jars as they are now. */
  private static String key(Path copy) {
    return key(PluginFiles.jarsOf(copy).stream().map(jar -> new Plugin.Jar(jar, PluginFiles.sha256(jar))).toList());
  }

  /** sha256 of the plugin's jars' "file name sha256" lines, in order: its content, whatever its folder. */
  private static String key(List<Plugin.Jar> jars) {
    StringBuilder lines = new StringBuilder();
    jars.forEach(jar -> lines.append(jar.path().getFileName()).append(' ').append(jar.sha256()).append('\n'));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
