package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick suite on a real Slurm cluster (Debian's slurm-wlm, one node on localhost, started
 * here with tests/cluster/slurm-cluster.sh): the scripts of {@code reckon slurm} run it as a
 * 3-task array and a merge job, and the merged run has the results of one process at the same
 * seed. Then one array task is cancelled mid-run, its shard resumed through Slurm, and merged
 * again: still the same. Behind the Maven profile {@code slow} (it installs packages), which CI runs.
 */
class SlurmClusterTest {
  private static final Path ROOT = Cli.ROOT;
  private static final Path CLUSTER = ROOT.resolve("tests/cluster/slurm-cluster.sh");
  private static final Path LAUNCHER = Cli.DISTRIBUTION.resolve("bin/reckon").toAbsolutePath();

  private static Path state;
  private static Path work;
  private static String slurmConf;
  private static String reference;

  @BeforeAll
  static void startTheClusterAndRunTheReference() throws Exception {
    work = Files.createTempDirectory("reckon-slurm");
    shell(List.of(CLUSTER.toString(), "install"), 600);
    state = Files.createTempDirectory(Path.of("/tmp"), "rsc");
    String export = shell(List.of(CLUSTER.toString(), "start", state.toString()), 120).strip();
    slurmConf = export.substring(export.indexOf('=') + 1);
    Cli.Outcome single = Cli.reckon("run", "--suite", "quick", "--out", work.resolve("single").toString());
    assertEquals(0, single.status(), single::toString);
    reference = Files.readString(RunFiles.onlyRun(work.resolve("single")).resolve("results.csv"));
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    if (state != null) {
      shell(List.of(CLUSTER.toString(), "stop", state.toString()), 120);
    }
  }

  @Test
  void anArrayOfThreeShardsMergedGivesTheResultsOfOneProcess() throws Exception {
    Path jobs = work.resolve("jobs-a");
    String array = submit(jobs, work.resolve("runs-a"));
    Path merged = work.resolve("runs-a").resolve("quick-slurm-" + array);
    waitFor(() -> Files.exists(merged.resolve("report/report.html")), 900, "the merge job's report");
    waitFor(() -> !queued(array), 60, "the jobs to leave the queue");
    assertEquals(reference, Files.readString(merged.resolve("results.csv")));
    assertEquals(3, shardDirectories(work.resolve("runs-a"), array).size());
  }

  @Test
  void aCancelledShardResumedThroughSlurmMergesToTheSameResults() throws Exception {
    Path out = work.resolve("runs-b");
    String array = submit(work.resolve("jobs-b"), out);
    Path shard = out.resolve("quick-slurm-" + array + "-shard-1-of-3");
    waitFor(() -> lines(shard.resolve("cells.csv")) >= 2, 600, "shard 1's first cell");
    shell(List.of("scancel", array + "_1"), 60);
    waitFor(() -> !queued(array + "_0") && !queued(array + "_2"), 900, "the other shards");
    String merge = mergeJobOf(array);
    assertTrue(queued(merge), "the merge waits (afterok) on the cancelled shard");
    shell(List.of("scancel", merge), 60);
    String cells = Files.readString(shard.resolve("cells.csv"));
    assertTrue(!cells.isEmpty(), "the cancelled shard had finished some cells: " + cells);

    String resumed = lastWord(shell(List.of("sbatch", "--parsable", "--output=" + out.resolve("resume-%j.out"),
        "--wrap", LAUNCHER + " run --resume " + shard), 60));
    waitFor(() -> !queued(resumed), 900, "the resumed shard");
    Cli.Outcome merged = Cli.reckon(mergeArguments(shardDirectories(out, array), out.resolve("merged")));
    assertEquals(0, merged.status(), merged::toString);
    assertEquals(reference, Files.readString(out.resolve("merged/results.csv")));
  }

  /** Writes the scripts with {@code reckon slurm} and runs their submit.sh; returns the array's job id. */
  private static String submit(Path scripts, Path out) throws Exception {
    Cli.Outcome written = Cli.reckon("slurm", "quick", "--shards", "3", "--cpus-per-task", "1", "--out",
        out.toString(), "--scripts", scripts.toString(), "--launcher", LAUNCHER.toString());
    assertEquals(0, written.status(), written::toString);
    String submitted = shell(List.of("sh", scripts.resolve("submit.sh").toString()), 60);
    Matcher id = Pattern.compile("array job (\\d+)").matcher(submitted);
    assertTrue(id.find(), submitted);
    return id.group(1);
  }

  private static String mergeJobOf(String array) throws Exception {
    String queue = shell(List.of("squeue", "-h", "-o", "%i %j"), 60);
    return queue.lines().filter(line -> line.endsWith("-merge")).map(line -> line.split(" ")[0]).findFirst()
        .orElseThrow(() -> new AssertionError("no merge job of " + array + " in\n" + queue));
  }

  private static boolean queued(String job) {
    try {
      return !shell(List.of("squeue", "-h", "-j", job), 60).isBlank();
    } catch (Exception e) {
      return false; // squeue refuses a job id it no longer knows
    }
  }

  private static List<Path> shardDirectories(Path out, String array) throws IOException {
    try (Stream<Path> runs = Files.list(out)) {
      return runs.filter(p -> p.getFileName().toString().startsWith("quick-slurm-" + array + "-shard-")).sorted()
          .toList();
    }
  }

  private static String[] mergeArguments(List<Path> shards, Path out) {
    List<String> args = new ArrayList<>(List.of("merge"));
    shards.forEach(shard -> args.add(shard.toString()));
    args.addAll(List.of("--out", out.toString()));
    return args.toArray(String[]::new);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String lastWord(String text) {
    String[] words = text.strip().split("\\s+");
    return words[words.length - 1].split(";")[0];
  }

  private static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + seconds + " s for " + what);
      }
      Thread.sleep(1000);
    }
  }

  /** Runs a command with the cluster's SLURM_CONF; its standard output, or a failure with everything it said. */
  private static String shell(List<String> command, int seconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    Map<String, String> environment = builder.environment();
    if (slurmConf != null) {
      environment.put("SLURM_CONF", slurmConf);
    }
    Path err = Files.createTempFile("reckon-slurm", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within " + seconds + " s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " exited " + process.exitValue() + ":\n" + out + Files.readString(err));
    }
    return out;
  }
}
