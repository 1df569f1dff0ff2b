package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Maven from the PATH, as a plugin author runs it on a project of their own. */
final class Maven {
  private Maven() {}

  /** Runs {@code mvn -B -ntp arguments...} in {@code directory} and returns its output; it must succeed. */
  static String run(Path directory, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "mvn " + String.join(" ", arguments) + " did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "mvn " + String.join(" ", arguments) + " in " + directory + ":\n" + text);
    return text;
  }

  /** Whether a build's output says its tests ran and none failed. */
  static boolean testsPassed(String build) {
    return build.contains("Tests run:") && build.contains("Failures: 0, Errors: 0");
  }
}
