package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second build of these sources, in another folder at another time and with {@code -Pcuda}: its
 * plugin jars have the sha256 of the first build's (shards built on different machines from one
 * commit pass {@code reckon merge}'s jar check), and the GPU distribution runs on this machine,
 * which has no NVIDIA driver: on its CPU library with one warning, or, told to take the CUDA
 * library, refusing in one sentence. Behind the Maven profile {@code slow}: the build downloads the
 * 2.4 GB CUDA library once and takes minutes.
 */
class CudaBuildTest {
  private static final Path ROOT = Cli.ROOT;
  private static final Set<String> NOT_SOURCES = Set.of("target", ".git", "runs");
  private static final String SUITE = """
      name: gpu-build-on-cpu
      seeds: [2]
      tasks:
        - id: sudoku-4x4
          train: b6
          trainSize: 200
          evalSize: 40
      models:
        - id: propagation
        - id: rrn
          config: {hidden: 16, steps: 4, updates: 40, batchSize: 32, evalEvery: 20}
      """;

  @TempDir static Path copy;

  @BeforeAll
  static void buildWithCuda() throws Exception {
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
    Process build = new ProcessBuilder("mvn", "-B", "-q", "-DskipTests", "-Pcuda", "package")
        .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(copy.resolve("build.log").toFile()).start();
    assertTrue(build.waitFor(30, TimeUnit.MINUTES), "the -Pcuda build ends");
    assertEquals(0, build.exitValue(), () -> read(copy.resolve("build.log")));
  }

  @Test
  void twoBuildsOfOneCommitGiveEqualPluginJars() throws Exception {
    Map<String, String> first = checksums(Cli.DISTRIBUTION.resolve("plugins"));
    Map<String, String> second = checksums(copy.resolve("target/reckon/plugins"));
    assertTrue(first.size() >= 6, "the built-in plugin jars: " + first.keySet());
    assertEquals(first, second, "every plugin jar has the same sha256 in both builds");
  }

  @Test
  void theGpuBuildRunsOnTheCpuLibraryWhereThereIsNoDriver() throws Exception {
    assertFalse(Files.exists(Path.of("/proc/driver/nvidia/version")), "this test is for a machine without a GPU");
    try (Stream<Path> cuda = Files.list(copy.resolve("target/reckon/lib/cuda"))) {
      assertTrue(cuda.anyMatch(jar -> jar.getFileName().toString().startsWith("pytorch-native-cu124")),
          "the GPU build carries the CUDA library");
    }
    Cli.Outcome list = launch(Map.of(), "list");
    assertEquals(0, list.status(), list::toString);
    assertTrue(list.out().contains("from pytorch-native-cpu") && list.out().contains("CUDA none, 0 GPU(s)"),
        "reckon list says what the engine saw: " + list);
    assertEquals(1, count(list.err(), "found no NVIDIA driver"), "one warning: " + list);

    Path suite = Files.writeString(copy.resolve("suite.yaml"), SUITE);
    Cli.Outcome run = launch(Map.of(), "run", "--suite", suite.toString(), "--out", copy.resolve("runs").toString());
    assertEquals(0, run.status(), run::toString);
    assertEquals(1, count(run.err(), "found no NVIDIA driver"), "one warning: " + run);
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    Path directory;
    try (Stream<Path> runs = Files.list(copy.resolve("runs"))) {
      directory = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    String manifest = Files.readString(directory.resolve("manifest.json"));
    assertTrue(manifest.contains("\"device\" : \"cpu\"") || manifest.contains("\"device\": \"cpu\""), manifest);
    assertTrue(manifest.contains("pytorch-native-cpu"), "the manifest names the library that ran: " + manifest);
    List<String> cells = Files.readAllLines(directory.resolve("cells.csv"));
    assertEquals(3, cells.size(), "a header and two cells: " + cells);
    assertTrue(cells.stream().skip(1).allMatch(line -> line.contains(",done,")), "both cells done: " + cells);
  }

  @Test
  void theCudaLibraryWithoutADriverIsRefusedInOneSentence() throws Exception {
    Cli.Outcome run = launch(Map.of("RECKON_NATIVE", "cuda"), "run", "--suite", "quick", "--out",
        copy.resolve("refused").toString());
    assertEquals(2, run.status(), run::toString);
    assertTrue(run.err().contains("cannot start on") && run.err().contains("RECKON_NATIVE=cpu"), run.toString());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run);

    Cli.Outcome list = launch(Map.of("RECKON_NATIVE", "cuda"), "list");
    assertEquals(1, list.status(), "reckon list fails when the engine cannot start: " + list);
  }

  /** The built GPU distribution's own launcher, as a user types it. */
  private static Cli.Outcome launch(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(copy.resolve("target/reckon/bin/reckon").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile());
    builder.environment().remove("RECKON_NATIVE");
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(copy, "out", ".txt");
    Path err = Files.createTempFile(copy, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "reckon " + String.join(" ", args) + " ends");
    return new Cli.Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
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
