package dev.reckon.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.UsageException;
import dev.reckon.runner.plugins.PluginLock.LockedJar;
import dev.reckon.runner.plugins.PluginLock.LockedPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLockTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final String C = "c".repeat(64);

  /** A plugin with a task and an analysis, and a plugin directory of two jars with two models. */
  private static final PluginLock WRITTEN = lock(
      new LockedPlugin(List.of(new LockedJar("task-sudoku-0.1.0.jar", A)), Map.of("sudoku-4x4", "1"), Map.of(),
          List.of("set-game")),
      new LockedPlugin(List.of(new LockedJar("bundle/model.jar", B), new LockedJar("bundle/library.jar", C)), Map.of(),
          Map.of("oracle", "1", "uniform", "2"), List.of()));

  @TempDir Path directory;

  private static PluginLock lock(LockedPlugin... plugins) {
    return new PluginLock(PluginLock.FORMAT, List.of(plugins));
  }

  private static LockedPlugin plugin(LockedJar... jars) {
    return new LockedPlugin(List.of(jars), Map.of(), Map.of(), List.of());
  }

  @Test
  void aWrittenLockReadsBackAsItWasAndLeavesOutWhatAPluginDoesNotOffer() throws IOException {
    Path file = Files.writeString(directory.resolve("reckon.lock"), WRITTEN.text());

    PluginLock read = PluginLock.read(file);

    assertEquals(WRITTEN, read);
    assertEquals(WRITTEN.text(), read.text());
    assertTrue(WRITTEN.text().contains("\"file\" : \"bundle/library.jar\""), WRITTEN::text);
    assertEquals(1, WRITTEN.text().split("\"analyses\"", -1).length - 1, "only the first plugin offers analyses");
  }

  @Test
  void theSameJarsDoNotDifferWhateverTheirPluginsOffer() {
    assertEquals(List.of(), WRITTEN.differences(lock(plugin(new LockedJar("task-sudoku-0.1.0.jar", A)),
        plugin(new LockedJar("bundle/model.jar", B), new LockedJar("bundle/library.jar", C)))));
  }

  @Test
  void eachJarNotAsLockedIsNamedWithTheReason() {
    PluginLock loaded = lock(plugin(new LockedJar("task-sudoku-0.1.0.jar", C)),
        plugin(new LockedJar("bundle/model.jar", B)), plugin(new LockedJar("extra.jar", A)));

    assertEquals(List.of(
        "task-sudoku-0.1.0.jar has sha256 cccccccccccc..., which differs from the lock's aaaaaaaaaaaa...",
        "extra.jar (sha256 aaaaaaaaaaaa...) is not in the lock",
        "bundle/library.jar is in the lock but was not loaded"), WRITTEN.differences(loaded));
  }

  @Test
  void aMissingOrMalformedLockIsAUsageErrorNamingTheFileAndTheReason() throws IOException {
    assertUsage(directory.resolve("none.lock"), "does not exist");
    assertUsage(Files.writeString(directory.resolve("empty.lock"), ""), "is not a plugin lock: ");
    assertUsage(Files.writeString(directory.resolve("lines.lock"), "{\"lockFormat\": 1,\n  \"plugins\": [ x ]}"),
        "is not a plugin lock: ", "(line 2)");
    assertUsage(Files.writeString(directory.resolve("typo.lock"), "{\"lockFormat\": 1, \"plugin\": []}"),
        "unknown field 'plugin'; the fields there are lockFormat, plugins");
    assertUsage(Files.writeString(directory.resolve("old.lock"), "{\"plugins\": []}"), "its lockFormat is 0");
    assertUsage(Files.writeString(directory.resolve("short.lock"),
        "{\"lockFormat\": 1, \"plugins\": [{\"jars\": [{\"file\": \"x.jar\", \"sha256\": \"abc\"}]}]}"),
        "jar x.jar needs a file name and a sha256 of 64 lower-case hex digits");
    assertUsage(Files.writeString(directory.resolve("nameless.lock"),
        "{\"lockFormat\": 1, \"plugins\": [{\"jars\": [{\"sha256\": \"" + A + "\"}]}]}"), "a jar entry needs");
  }

  private static void assertUsage(Path file, String... parts) {
    UsageException error = assertThrows(UsageException.class, () -> PluginLock.read(file));
    assertTrue(error.getMessage().contains(file.toString()), error::getMessage);
    for (String part : parts) {
      assertTrue(error.getMessage().contains(part), () -> "'" + part + "' not in: " + error.getMessage());
    }
    assertFalse(error.getMessage().contains("\n"), error::getMessage);
  }
}
