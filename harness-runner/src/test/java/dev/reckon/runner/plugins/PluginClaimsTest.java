package dev.reckon.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.api.ReckonPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar's claims file is read as the report reads it, and refused with the reason when it cannot be. */
class PluginClaimsTest {
  private static final String CLAIM = """
      notes: {lab: "a lab's note"}
      claims:
        - id: %s
          note: lab
          statement: The oracle colours every graph.
          rules:
            - {kind: threshold, models: [oracle], task: colouring, levels: [all], at_least: 1.0}
      """;

  @TempDir Path work;

  @Test
  void aJarWithoutAClaimsFileHasNone() throws IOException {
    assertEquals(Optional.empty(), PluginClaims.read(jar(null)));
  }

  @Test
  void aClaimsFileIsReadWithItsClaims() throws IOException {
    assertEquals("oracle-colours", PluginClaims.read(jar(String.format(CLAIM, "oracle-colours"))).orElseThrow()
        .claims().get(0).id());
  }

  @Test
  void aFileThatDoesNotLoadReusesAProjectIdOrIsHugeIsRefusedWithTheReason() throws IOException {
    assertTrue(refusal(jar("claims:\n  - id: half-written\n")).startsWith(ReckonPlugin.CLAIMS_FILE
        + " does not load: "));
    assertEquals(ReckonPlugin.CLAIMS_FILE + " reuses ids of the project's claims: oracle-perfect",
        refusal(jar(String.format(CLAIM, "oracle-perfect"))));
    assertEquals(ReckonPlugin.CLAIMS_FILE + " is larger than " + PluginClaims.MAX_BYTES + " bytes",
        refusal(jar("#".repeat(PluginClaims.MAX_BYTES + 1))));
  }

  private String refusal(Path jar) {
    return assertThrows(IllegalArgumentException.class, () -> PluginClaims.read(jar)).getMessage();
  }

  /** A jar holding {@code claims} as its claims file, or no claims file when null. */
  private Path jar(String claims) throws IOException {
    Path jar = Files.createTempFile(work, "plugin", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/" + ReckonPlugin.class.getName()));
      out.closeEntry();
      if (claims != null) {
        out.putNextEntry(new JarEntry(ReckonPlugin.CLAIMS_FILE));
        out.write(claims.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
