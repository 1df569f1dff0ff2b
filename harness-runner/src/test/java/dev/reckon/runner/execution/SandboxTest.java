package dev.reckon.runner.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.runner.UsageException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The modes where bubblewrap is missing: auto warns once naming what is unprotected, required refuses. */
class SandboxTest {
  private static final Optional<Path> MISSING = Optional.of(Path.of("/nonexistent/bwrap"));

  @Test
  void autoWithoutBubblewrapRunsUnsandboxedAndSaysWhatIsUnprotected() {
    Sandbox sandbox = Sandbox.choose("auto", MISSING);

    assertTrue(!sandbox.active());
    String warning = sandbox.warning().orElseThrow();
    assertTrue(warning.contains("cells run without a sandbox") && warning.contains("rewrite the run directory")
        && warning.contains("signal the runner"), warning);
  }

  @Test
  void requiredWithoutBubblewrapIsAUsageError() {
    UsageException refused = assertThrows(UsageException.class, () -> Sandbox.choose("required", MISSING));

    assertTrue(refused.getMessage().contains("--sandbox required") && refused.getMessage().contains("bubblewrap"),
        refused::getMessage);
  }

  @Test
  void offNeitherProbesNorWarns() {
    Sandbox sandbox = Sandbox.choose("off", MISSING);

    assertEquals(Optional.empty(), sandbox.warning());
    assertTrue(sandbox.describe().startsWith("--sandbox off: cells run as your user"), sandbox::describe);
  }

  @Test
  void anUnknownModeIsAUsageError() {
    assertThrows(UsageException.class, () -> Sandbox.choose("maybe", MISSING));
  }
}
