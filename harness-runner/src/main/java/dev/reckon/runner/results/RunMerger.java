package dev.reckon.runner.results;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunFormat.Column;
import dev.reckon.reports.format.RunFormat.Table;
import dev.reckon.reports.format.TableRow;
import dev.reckon.runner.execution.CellKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * Joins the run directories of a run's shards into one run directory of the same format as a run
 * made on one machine: every table's rows in the whole plan's order, the checkpoints and cell
 * output of every shard, one manifest listing each shard's host and device. Shards of another
 * suite, harness version or plugin jars, and cells found in two shards, are refused; cells no
 * shard finished are reported. Merging again gives the same directory.
 */
public final class RunMerger {
  /** What the merge found: the merged cells by status, and what is missing. */
  public record Outcome(int cells, Map<String, Integer> statuses, List<String> missing) {}

  /** A shard's directory with what it says of itself. */
  private record ShardDirectory(Path directory, Manifest manifest, String suite) {}

  private static final List<String> COPIED_FOLDERS = List.of(RunFormat.CHECKPOINTS, RunFormat.CELL_OUTPUT,
      RunFormat.CLAIMS, RunFormat.PLUGIN_JARS);

  /**
   * @throws IllegalArgumentException naming the shard and what does not match, for shards that
   *     are not of one run, and the file and line of a table cut short; nothing is written then
   */
  public Outcome merge(List<Path> shardDirectories, Path out) {
    List<ShardDirectory> shards = shardDirectories.stream().map(RunMerger::open).toList();
    requireOneRun(shards);
    requireMergeTarget(shards, out);
    Map<CellKey, Integer> order = new HashMap<>();
    Map<CellKey, ShardDirectory> owner = new LinkedHashMap<>();
    for (ShardDirectory shard : shards) {
      for (Manifest.CellInfo cell : shard.manifest().cells()) {
        CellKey key = cell.key();
        order.put(key, cell.index());
        ShardDirectory other = owner.putIfAbsent(key, shard);
        if (other != null) {
          throw new IllegalArgumentException("cell " + key + " is in " + other.directory() + " and in "
              + shard.directory() + ": shards of one run share out the cells, never two the same");
        }
      }
    }
    Comparator<CellKey> planOrder = Comparator.comparingInt(order::get);
    // Every shard's tables are read, and refused if torn, before anything of the merge is written.
    Map<CellKey, String> lastStatus = new HashMap<>();
    Map<Table, List<TableRow>> joined = new java.util.EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      Map<CellKey, List<TableRow>> rows = new java.util.TreeMap<>(planOrder);
      for (ShardDirectory shard : shards) {
        CsvTable shardTable = CsvTable.of(table, shard.directory());
        for (CSVRecord row : shardTable.read()) {
          CellKey key = RunStore.key(row);
          if (!owner.containsKey(key)) {
            throw new IllegalArgumentException(shardTable.file() + " holds cell " + key
                + ", which its manifest does not list");
          }
          rows.computeIfAbsent(key, k -> new ArrayList<>()).add(shardTable.copy(row));
          if (table == Table.CELLS) {
            lastStatus.put(key, row.get(Column.STATUS.id()));
          }
        }
      }
      joined.put(table, rows.values().stream().flatMap(List::stream).toList());
    }
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve(RunFormat.SUITE), shards.get(0).suite(), StandardCharsets.UTF_8);
      for (Map.Entry<Table, List<TableRow>> table : joined.entrySet()) {
        Files.deleteIfExists(table.getKey().in(out));
        CsvTable.of(table.getKey(), out).append(table.getValue());
      }
      copyFolders(shards, out);
      concatenate(shards, RunFormat.ERRORS, out);
      List<String> missing = new ArrayList<>();
      owner.keySet().stream().filter(key -> !lastStatus.containsKey(key)).sorted(planOrder)
          .forEach(key -> missing.add("cell " + key + " (shard " + owner.get(key).manifest().shard().index() + ")"));
      Set<Integer> present = shards.stream().map(s -> s.manifest().shard().index()).collect(Collectors.toSet());
      int count = shards.get(0).manifest().shard().count();
      for (int index = 0; index < count; index++) {
        if (!present.contains(index)) {
          missing.add("shard " + index + " of " + count + " (its directory was not given)");
        }
      }
      merged(shards, out).write(out);
      Map<String, Integer> statuses = new java.util.TreeMap<>();
      lastStatus.values().forEach(status -> statuses.merge(status, 1, Integer::sum));
      return new Outcome(order.size(), statuses, missing);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the merged run in " + out, e);
    }
  }

  private static ShardDirectory open(Path directory) {
    if (!Files.isRegularFile(directory.resolve(RunFormat.MANIFEST)) || !Files.isRegularFile(directory.resolve(RunFormat.SUITE))) {
      throw new IllegalArgumentException(directory + " is not a run directory: it has no " + RunFormat.MANIFEST
          + " or " + RunFormat.SUITE);
    }
    Manifest manifest = Manifest.read(directory);
    if (manifest.shard() == null) {
      throw new IllegalArgumentException(directory + " is not a shard: its manifest names none (reckon merge joins "
          + "the directories of reckon run --shard I/N)");
    }
    try {
      return new ShardDirectory(directory, manifest, Files.readString(directory.resolve(RunFormat.SUITE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve(RunFormat.SUITE), e);
    }
  }

  /** The shards must be distinct parts of one run: one id, suite, harness, set of plugin jars and count. */
  private static void requireOneRun(List<ShardDirectory> shards) {
    ShardDirectory first = shards.get(0);
    Map<Integer, Path> byIndex = new HashMap<>();
    for (ShardDirectory shard : shards) {
      Manifest m = shard.manifest();
      same(first, shard, "run id", first.manifest().runId(), m.runId());
      same(first, shard, "suite (fingerprint of suite.yaml)", first.manifest().suite().fingerprint(),
          m.suite().fingerprint());
      same(first, shard, "harness version", first.manifest().harness().version(), m.harness().version());
      same(first, shard, "number of shards", first.manifest().shard().count(), m.shard().count());
      same(first, shard, "plugin jars (file name and sha256)", Manifest.jarFingerprints(first.manifest().plugins()),
          Manifest.jarFingerprints(m.plugins()));
      Path other = byIndex.putIfAbsent(m.shard().index(), shard.directory());
      if (other != null) {
        throw new IllegalArgumentException(other + " and " + shard.directory() + " are both shard "
            + m.shard().index() + " of " + m.shard().count());
      }
    }
  }

  private static void same(ShardDirectory first, ShardDirectory shard, String what, Object expected, Object found) {
    if (!Objects.equals(expected, found)) {
      throw new IllegalArgumentException(shard.directory() + " is not of the same run as " + first.directory()
          + ": its " + what + " is " + found + ", not " + expected);
    }
  }

  /**
   * Refuses an {@code out} that would overwrite a run: a shard's own directory (or one inside or
   * around it), or a folder that holds another run. An earlier merge of these shards may be
   * written again.
   */
  private static void requireMergeTarget(List<ShardDirectory> shards, Path out) {
    Path target = real(out);
    for (ShardDirectory shard : shards) {
      Path directory = real(shard.directory());
      if (target.startsWith(directory) || directory.startsWith(target)) {
        throw new IllegalArgumentException("--out " + out + " is or holds shard " + shard.directory()
            + ", which the merge would overwrite; name a folder of its own");
      }
    }
    if (!Files.exists(out.resolve(RunFormat.MANIFEST)) && !Files.exists(out.resolve(RunFormat.SUITE))) {
      return;
    }
    String runId = shards.get(0).manifest().runId();
    Manifest existing;
    try {
      existing = Manifest.read(out);
    } catch (RuntimeException unreadable) {
      throw new IllegalArgumentException("--out " + out + " holds a run directory that is not a merge of run "
          + runId + "; name a folder of its own", unreadable);
    }
    if (existing.shard() != null || existing.shards() == null || !runId.equals(existing.runId())) {
      throw new IllegalArgumentException("--out " + out + " holds " + (existing.shard() != null ? "a shard" : "a run")
          + " of run " + existing.runId() + ", not an earlier merge of run " + runId
          + ", which the merge would overwrite; name a folder of its own");
    }
  }

  /** {@code path} with its links resolved as far as it exists, for comparing folders. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  private static void copyFolders(List<ShardDirectory> shards, Path out) throws IOException {
    for (String folder : COPIED_FOLDERS) {
      for (ShardDirectory shard : shards) {
        Path source = shard.directory().resolve(folder);
        if (!Files.isDirectory(source)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(source)) {
          for (Path file : walk.filter(Files::isRegularFile).toList()) {
            Path target = out.resolve(folder).resolve(source.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static void concatenate(List<ShardDirectory> shards, String file, Path out) throws IOException {
    Path target = out.resolve(file);
    Files.deleteIfExists(target);
    for (ShardDirectory shard : shards) {
      Path source = shard.directory().resolve(file);
      if (Files.isRegularFile(source)) {
        Files.write(target, Files.readAllBytes(source), java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  /** The manifest of the whole run: the first shard's, with every shard's cells, seeds and where it ran. */
  private static Manifest merged(List<ShardDirectory> shards, Path out) {
    List<ShardDirectory> byIndex = shards.stream()
        .sorted(Comparator.comparingInt(s -> s.manifest().shard().index())).toList();
    Manifest first = byIndex.get(0).manifest();
    List<Manifest.ShardRun> runs = byIndex.stream().map(s -> new Manifest.ShardRun(s.manifest().shard().index(),
        s.directory().toAbsolutePath().normalize().toString(), s.manifest().environment().host(),
        s.manifest().environment().device(), s.manifest().startedAt(), s.manifest().finishedAt())).toList();
    Instant started = byIndex.stream().map(s -> s.manifest().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
    boolean allFinished = byIndex.stream().allMatch(s -> s.manifest().finishedAt() != null);
    Instant finished = allFinished ? byIndex.stream().map(s -> s.manifest().finishedAt())
        .max(Comparator.naturalOrder()).orElseThrow() : null;
    List<Instant> resumed = byIndex.stream().flatMap(s -> s.manifest().resumedAt() == null ? Stream.empty()
        : s.manifest().resumedAt().stream()).sorted().toList();
    List<Manifest.DataSeed> dataSeeds = byIndex.stream().flatMap(s -> s.manifest().seeds().data().stream())
        .distinct().toList();
    Map<String, Manifest.TaskInfo> tasks = new LinkedHashMap<>();
    Map<String, Manifest.ModelInfo> models = new LinkedHashMap<>();
    byIndex.forEach(s -> {
      s.manifest().tasks().forEach(task -> tasks.putIfAbsent(task.id(), task));
      s.manifest().models().forEach(model -> models.putIfAbsent(model.id(), model));
    });
    List<Manifest.CellInfo> cells = byIndex.stream().flatMap(s -> s.manifest().cells().stream())
        .sorted(Comparator.comparingInt(Manifest.CellInfo::index)).toList();
    List<String> command = new ArrayList<>(List.of("merge"));
    byIndex.forEach(s -> command.add(s.directory().toString()));
    command.addAll(List.of("--out", out.toString()));
    // every table is written anew under this format's header, whatever version the shards were
    return new Manifest(RunFormat.VERSION, first.harness(), first.runId(), null, runs, command, first.suite(),
        started, resumed, finished, first.environment(), new Manifest.Seeds(first.seeds().run(),
        first.seeds().derivation(), dataSeeds), first.plugins(), byIndex.stream()
        .flatMap(s -> s.manifest().pluginFailures().stream()).distinct().toList(), first.missingFromSuite(),
        first.unusableTasks(), List.copyOf(tasks.values()), List.copyOf(models.values()), cells,
        byIndex.stream().flatMap(s -> s.manifest().earlierAttempts() == null ? Stream.empty()
            : s.manifest().earlierAttempts().stream()).toList());
  }
}
