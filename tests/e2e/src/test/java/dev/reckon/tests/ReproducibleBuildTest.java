package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources built twice, in two folders at two times, give plugin jars of the same sha256:
 * shards of a run built on different machines from one commit pass {@code reckon merge}'s jar
 * check. Behind the Maven profile {@code cluster} (a second build takes a minute).
 */
class ReproducibleBuildTest {
  private static final Path ROOT = Path.of(System.getProperty("reckon.root", "../.."));
  private static final Set<String> NOT_SOURCES = Set.of("target", ".git", "runs", "e2e-mine");

  @TempDir Path copy;

  @Test
  void twoBuildsOfOneCommitGiveEqualPluginJars() throws Exception {
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path path : walk.toList()) {
        Path relative = ROOT.relativize(path);
        boolean skipped = false;
        for (Path part : relative) {
          skipped |= NOT_SOURCES.contains(part.toString());
        }
        if (!skipped && Files.isRegularFile(path)) {
          Files.createDirectories(copy.resolve(relative).getParent());
          Files.copy(path, copy.resolve(relative));
        }
      }
    }
    Process build = new ProcessBuilder("mvn", "-B", "-o", "-q", "-DskipTests", "package").directory(copy.toFile())
        .redirectErrorStream(true).redirectOutput(copy.resolve("build.log").toFile()).start();
    assertTrue(build.waitFor(15, TimeUnit.MINUTES), "the second build ends");
    assertEquals(0, build.exitValue(), () -> read(copy.resolve("build.log")));

    Map<String, String> first = checksums(Cli.DISTRIBUTION.resolve("plugins"));
    Map<String, String> second = checksums(copy.resolve("target/reckon/plugins"));
    assertTrue(first.size() >= 6, "the built-in plugin jars: " + first.keySet());
    assertEquals(first, second, "every plugin jar has the same sha256 in both builds");
  }

  private static Map<String, String> checksums(Path folder) throws Exception {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> jars = Files.list(folder)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(jar)) {
          digest.update(in.readAllBytes());
        }
        sums.put(jar.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
      }
    }
    return sums;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
