package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.plugins.Plugin;
import dev.reckon.runner.plugins.PluginFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's copy of its plugins: named by content, verified, and what a cell loads instead of the plugin directory. */
class PluginSnapshotTest {
  @TempDir Path work;

  @Test
  void aCellLoadsTheCopyOfItsOwnPluginsWhateverHappensToTheDirectory() throws IOException {
    Path directory = Files.createDirectories(work.resolve("plugins"));
    Plugin model = plugin(directory.resolve("model.jar"), "model v1");
    Plugin task = plugin(directory.resolve("task.jar"), "task v1");
    Plugin other = plugin(directory.resolve("other.jar"), "other");
    Path run = Files.createDirectories(work.resolve("run"));

    PluginSnapshot snapshot = PluginSnapshot.take(run, List.of(model, task));
    Files.writeString(directory.resolve("model.jar"), "model v2, swapped mid-run");

    List<Path> copies = snapshot.sources(Stream.of(task, model, other).map(Plugin::source).toList());
    assertEquals(2, copies.size(), copies::toString);
    assertEquals("model v1", Files.readString(copies.get(0)), "discovery order, the content discovery hashed");
    assertTrue(snapshot.place(model).orElseThrow().startsWith("plugin-jars/"), snapshot.place(model)::toString);
    assertEquals(java.util.Optional.empty(), snapshot.place(other));
    copies.forEach(PluginSnapshot::verify);
    // A second attempt keeps the verified copy.
    assertEquals(copies, PluginSnapshot.take(run, List.of(model, task))
        .sources(List.of(model.source(), task.source())));

    Files.writeString(copies.get(1), "task, tampered in the run");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PluginSnapshot.verify(copies.get(1)));
    assertTrue(refused.getMessage().contains("the run's copy of plugin task.jar"), refused::getMessage);
    assertEquals("task v1", Files.readString(PluginSnapshot.take(run, List.of(task)).sources(List.of(task.source()))
        .get(0)),
        "a copy that no longer verifies is taken again");
  }

  @Test
  void aJarChangedBetweenDiscoveryAndTheCopyStopsTheRun() throws IOException {
    Plugin model = plugin(work.resolve("model.jar"), "model v1");
    Files.writeString(work.resolve("model.jar"), "model v2");

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> PluginSnapshot.take(Files.createDirectories(work.resolve("run")), List.of(model)));
    assertTrue(refused.getMessage().contains("changed while the run started"), refused::getMessage);
  }

  /** A plugin as discovery saw it: one file (its content need not be a jar here) and its sha256. */
  private static Plugin plugin(Path jar, String content) throws IOException {
    Files.writeString(jar, content);
    return new Plugin(jar, List.of(new Plugin.Jar(jar, PluginFiles.sha256(jar))));
  }
}
