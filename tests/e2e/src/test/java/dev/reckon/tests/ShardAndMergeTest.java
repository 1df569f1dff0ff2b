package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite run on one machine, run two cells at a time, and run as three shards merged: the same
 * results.csv, byte for byte. The merge refuses what is not one run and says what is missing.
 */
class ShardAndMergeTest {
  private static final String SUITE = """
      name: shards
      seeds: [3]
      tasks:
        - id: sudoku-4x4
          train: b6
          trainSize: 40
          evalSize: 40
        - id: set-27
          train: set
          eval: [set]
          evalSize: 30
      models:
        - id: oracle
        - id: uniform
        - id: propagation
        - id: majority
      """;

  @TempDir Path work;

  @Test
  void shardsMergedAndParallelCellsGiveTheResultsOfOneProcess() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.build("test-models", plugins.resolve("test-models.jar"));
    Path suite = Files.writeString(work.resolve("shards.yaml"), SUITE);

    Path single = run(plugins, suite, work.resolve("single"), "--jobs", "1");
    Path parallel = run(plugins, suite, work.resolve("parallel"), "--jobs", "2");
    assertEquals(Files.readString(single.resolve("results.csv")), Files.readString(parallel.resolve("results.csv")));

    Path shardsOut = work.resolve("sharded");
    List<Path> shards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Cli.Outcome shard = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
          shardsOut.toString(), "--shard", i + "/3", "--run-id", "r1", "--jobs", "1");
      assertEquals(0, shard.status(), shard::toString);
      shards.add(shardsOut.resolve("r1-shard-" + i + "-of-3"));
    }
    assertTrue(shards.stream().allMatch(shard -> lines(shard.resolve("cells.csv")) > 1),
        "the cost-balanced deal gives every shard cells");
    Path merged = work.resolve("merged");
    Cli.Outcome merge = Cli.reckon(merge(shards, merged));
    assertEquals(0, merge.status(), merge::toString);
    assertEquals(Files.readString(single.resolve("results.csv")), Files.readString(merged.resolve("results.csv")));
    assertEquals(Files.readString(single.resolve("outcomes.csv")), Files.readString(merged.resolve("outcomes.csv")),
        "the per-example outcomes merge as the results do");
    assertEquals(statuses(single), statuses(merged));
    assertTrue(Files.exists(merged.resolve("report/report.html")), merge::toString);
    JsonNode manifest = new ObjectMapper().readTree(merged.resolve("manifest.json").toFile());
    assertEquals(3, manifest.path("shards").size(), "the manifest lists every shard's host and device");
    assertEquals("r1", manifest.path("runId").asText());
    assertTrue(manifest.path("shards").get(0).path("host").asText().length() > 0);

    String once = Files.readString(merged.resolve("results.csv")) + Files.readString(merged.resolve("cells.csv"));
    assertEquals(0, Cli.reckon(merge(shards, merged)).status());
    assertEquals(once, Files.readString(merged.resolve("results.csv")) + Files.readString(merged.resolve("cells.csv")),
        "merging again gives the same tables");

    String shardZero = Files.readString(shards.get(0).resolve("results.csv"));
    Cli.Outcome ontoShard = Cli.reckon(merge(shards, shards.get(0)));
    assertEquals(2, ontoShard.status(), ontoShard::toString);
    assertTrue(ontoShard.err().contains("is or holds shard"), ontoShard::toString);
    assertEquals(shardZero, Files.readString(shards.get(0).resolve("results.csv")), "the shard is left as it was");
    Cli.Outcome ontoRun = Cli.reckon(merge(shards, single));
    assertEquals(2, ontoRun.status(), ontoRun::toString);
    assertTrue(ontoRun.err().contains("not an earlier merge of run r1"), ontoRun::toString);

    Cli.Outcome partial = Cli.reckon(merge(shards.subList(0, 2), work.resolve("partial")));
    assertEquals(1, partial.status(), partial::toString);
    assertTrue(partial.out().contains("missing: shard 2 of 3"), partial::toString);

    Cli.Outcome twice = Cli.reckon(merge(List.of(shards.get(0), shards.get(0)), work.resolve("twice")));
    assertEquals(2, twice.status(), twice::toString);
    assertTrue(twice.err().contains("are both shard 0 of 3"), twice::toString);

    Cli.Outcome other = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        shardsOut.toString(), "--shard", "1/3", "--run-id", "r2", "--seed", "4", "--jobs", "1");
    assertEquals(0, other.status(), other::toString);
    Cli.Outcome mixed = Cli.reckon(merge(List.of(shards.get(0), shardsOut.resolve("r2-shard-1-of-3")),
        work.resolve("mixed")));
    assertEquals(2, mixed.status(), mixed::toString);
    assertTrue(mixed.err().contains("is not of the same run as") && mixed.err().contains("run id is r2, not r1"),
        mixed::toString);
  }

  /**
   * A shard whose table was cut short is named with its file and line, exit status 2, and nothing
   * of the merge is written: cut in its last line (a torn tail) or short by a field mid-file.
   */
  @Test
  void aTornShardIsNamedByItsFileAndLineAndNothingIsMerged() throws IOException {
    Path suite = Files.writeString(work.resolve("tiny.yaml"), """
        name: tiny
        tasks:
          - id: sudoku-4x4
            train: b6
            trainSize: 20
            evalSize: 20
        models:
          - id: oracle
          - id: uniform
        """);
    List<Path> shards = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Cli.Outcome shard = Cli.reckon("run", "--suite", suite.toString(), "--out", work.resolve("shards").toString(),
          "--shard", i + "/2", "--run-id", "t", "--jobs", "1");
      assertEquals(0, shard.status(), shard::toString);
      shards.add(work.resolve("shards").resolve("t-shard-" + i + "-of-2"));
    }
    Path merged = work.resolve("merged");
    Path results = shards.get(0).resolve("results.csv");
    Path cells = shards.get(1).resolve("cells.csv");
    byte[] resultsWhole = Files.readAllBytes(results);
    Files.write(results, java.util.Arrays.copyOf(resultsWhole, resultsWhole.length - 8));

    Cli.Outcome tornTail = Cli.reckon(merge(shards, merged));

    assertEquals(2, tornTail.status(), tornTail::toString);
    assertEquals("reckon: " + results + " line " + lines(results) + " is torn: the file ends in the middle of it (a "
        + "write cut short); reckon run --resume " + shards.get(0) + " repairs it", tornTail.err().strip());
    assertTrue(!Files.exists(merged), "nothing is merged");

    Files.write(results, resultsWhole);
    List<String> cellLines = Files.readAllLines(cells);
    assertTrue(cellLines.get(1).contains(",done,"), cellLines::toString);
    Files.writeString(cells, cellLines.get(0) + "\n" + cellLines.get(1).replaceFirst(",done,", ",") + "\n");
    Cli.Outcome shortRow = Cli.reckon(merge(shards, merged));
    assertEquals(2, shortRow.status(), shortRow::toString);
    assertTrue(shortRow.err().strip().startsWith("reckon: " + cells + " line 2 has 23 fields, not the 24 its header "
        + "names"), shortRow::toString);
    assertTrue(!Files.exists(merged), "nothing is merged");
  }

  @Test
  void aShardNeedsARunIdSharedByAllShards() {
    Cli.Outcome outcome = Cli.reckon("run", "--suite", "quick", "--shard", "0/2", "--out", work.toString());
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().contains("--shard needs --run-id"), outcome::toString);
    Cli.Outcome bad = Cli.reckon("run", "--suite", "quick", "--shard", "2/2", "--run-id", "x", "--out",
        work.toString());
    assertEquals(2, bad.status(), bad::toString);
    assertTrue(bad.err().contains("a shard is I/N with 0 <= I < N, not 2/2"), bad::toString);
  }

  private static Path run(Path plugins, Path suite, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--plugins", plugins.toString(), "--suite", suite.toString(),
        "--out", out.toString()));
    args.addAll(List.of(extra));
    Cli.Outcome outcome = Cli.reckon(args.toArray(String[]::new));
    assertEquals(0, outcome.status(), outcome::toString);
    return RunFiles.onlyRun(out);
  }

  private static String[] merge(List<Path> shards, Path out) {
    List<String> args = new ArrayList<>(List.of("merge"));
    shards.forEach(shard -> args.add(shard.toString()));
    args.addAll(List.of("--out", out.toString()));
    return args.toArray(String[]::new);
  }

  private static List<String> statuses(Path run) {
    return RunFiles.csv(run.resolve("cells.csv")).stream().map(c -> c.get("model") + " " + c.get("task") + " "
        + c.get("train_level") + " " + c.get("status")).toList();
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
