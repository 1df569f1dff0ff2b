package dev.reckon.runner.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
  private final SuiteLoader loader = new SuiteLoader();

  @TempDir Path directory;

  @Test
  void everyBuiltInSuiteLoads() {
    for (String name : SuiteLoader.BUILT_IN) {
      Suite suite = loader.load(name);
      assertEquals(name, suite.name());
      assertFalse(suite.tasks().isEmpty(), name);
      assertFalse(suite.models().isEmpty(), name);
    }
  }

  @Test
  void defaultsFillWhatASuiteLeavesOut() throws IOException {
    Path file = directory.resolve("small.yaml");
    Files.writeString(file, "name: small\ntasks:\n  - id: t\nmodels:\n  - id: m\n    config: {hidden: 64}\n");
    Suite suite = loader.load(file.toString());
    assertEquals(List.of(1L), suite.seeds());
    assertEquals(1000, suite.tasks().get(0).trainSize());
    assertEquals(200, suite.tasks().get(0).evalSize());
    assertEquals(64, suite.models().get(0).config().get("hidden"));
    assertTrue(suite.models().get(0).runsOn("anything"));
  }

  @Test
  void aWrittenSuiteReadsBackTheSame() throws IOException {
    Suite suite = loader.load("default");
    Path file = directory.resolve("copy.yaml");
    Files.writeString(file, loader.write(suite));
    assertEquals(suite, loader.load(file.toString()));
  }

  @Test
  void aMisspelledFieldIsAUsageErrorNamingIt() throws IOException {
    Path file = directory.resolve("typo.yaml");
    Files.writeString(file, "name: typo\nseed: [1]\n");
    UsageException error = assertThrows(UsageException.class, () -> loader.load(file.toString()));
    assertEquals(file + " is not a valid suite: unknown field 'seed'; the fields there are cellTimeLimitMinutes, "
        + "description, models, name, seeds, tasks", error.getMessage());
  }
}
