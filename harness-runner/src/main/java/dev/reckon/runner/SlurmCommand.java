package dev.reckon.runner;

import dev.reckon.runner.plugins.PluginLock;
import dev.reckon.runner.suites.Suite;
import dev.reckon.runner.suites.SuiteLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reckon slurm SUITE --shards N}: the scripts that run a suite as a Slurm job array, one
 * shard a task, and merge the shards in a job that waits for the array ({@code afterok}). Slurm
 * schedules; Reckon only splits the cells and joins the results.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, description = "Write the sbatch scripts that run a suite as "
    + "a Slurm job array of N shards and merge them when every shard succeeded; submit them with the submit.sh "
    + "written beside them.")
final class SlurmCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SUITE", description = "A built-in suite or a suite YAML file.")
  String suiteName;

  @Option(names = "--shards", required = true, paramLabel = "N", description = "Array tasks, one shard each.")
  int shards;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Where the shards' and the merged "
      + "run directories go; on a file system every node shares. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--scripts", paramLabel = "DIR", defaultValue = ".", description = "Where to write the scripts. "
      + "Default: the current directory.")
  Path scripts;

  @Option(names = "--plugins", paramLabel = "DIR", description = "More plugin directories, as for reckon run.")
  List<Path> plugins = new ArrayList<>();

  @Option(names = "--lock", paramLabel = "FILE", description = "Every shard runs with reckon run --lock FILE: "
      + "only the plugin jars of this lock (reckon lock writes it).")
  Path lock;

  @Option(names = "--partition", paramLabel = "P", description = "The Slurm partition.")
  String partition;

  @Option(names = "--gpus-per-task", paramLabel = "G", description = "GPUs per shard; the shards then run with "
      + "--device gpu on the GPU Slurm binds (CUDA_VISIBLE_DEVICES).")
  Integer gpusPerTask;

  @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "2", description = "Cores per shard; the shard "
      + "runs that many cells at once. Default: ${DEFAULT-VALUE}.")
  int cpusPerTask;

  @Option(names = "--time", paramLabel = "T", description = "The time limit of each shard, as sbatch takes it.")
  String time;

  @Option(names = "--launcher", paramLabel = "PATH", description = "The reckon launcher the jobs run. Default: this "
      + "distribution's bin/reckon.")
  Path launcher;

  private final Console console;
  private final SuiteLoader suites;

  @Inject
  SlurmCommand(Console console, SuiteLoader suites) {
    this.console = console;
    this.suites = suites;
  }

  @Override
  public Integer call() {
    if (shards < 1) {
      throw new UsageException("--shards must be at least 1, not " + shards);
    }
    Suite suite = suites.load(suiteName);
    Path reckon = launcher != null ? launcher : Path.of(System.getProperty("reckon.home", "")).resolve("bin/reckon");
    if (!Files.isExecutable(reckon)) {
      throw new UsageException("no reckon launcher at " + reckon + "; give the distribution's bin/reckon with "
          + "--launcher");
    }
    String suiteArgument = Files.isRegularFile(Path.of(suiteName)) ? absolute(Path.of(suiteName)) : suiteName;
    String outDir = absolute(out);
    if (lock != null) {
      PluginLock.read(lock); // a missing or malformed lock is refused here, not in every shard
    }
    String pluginArguments = plugins.stream().map(p -> " --plugins " + quote(absolute(p))).collect(Collectors.joining())
        + (lock == null ? "" : " --lock " + quote(absolute(lock)));
    String runId = suite.name() + "-slurm-";
    String array = "#!/bin/bash\n"
        + "# Shard $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT of suite " + suite.name() + ": reckon run reads both\n"
        + "# and the array's job id, which names the run, from Slurm's environment.\n"
        + header("reckon-" + suite.name(), outDir + "/slurm-%A_%a.out")
        + "#SBATCH --array=0-" + (shards - 1) + "\n"
        + "#SBATCH --cpus-per-task=" + cpusPerTask + "\n"
        + (gpusPerTask == null ? "" : "#SBATCH --gpus-per-task=" + gpusPerTask + "\n")
        + "exec " + quote(reckon.toAbsolutePath().toString()) + " run --suite " + quote(suiteArgument) + " --out "
        + quote(outDir) + pluginArguments + " --jobs " + (gpusPerTask == null ? cpusPerTask : 1) + " --device "
        + (gpusPerTask == null ? "cpu" : "gpu") + "\n";
    String merge = "#!/bin/bash\n"
        + "# Joins the shards of array job $RECKON_ARRAY_JOB once every one succeeded (submit.sh makes it wait).\n"
        + header("reckon-" + suite.name() + "-merge", outDir + "/slurm-%j-merge.out")
        + "run=" + quote(outDir) + "/" + runId + "\"$RECKON_ARRAY_JOB\"\n"
        + "exec " + quote(reckon.toAbsolutePath().toString()) + " merge \"$run\"-shard-* --out \"$run\"\n";
    String arrayFile = "reckon-" + suite.name() + ".sbatch";
    String mergeFile = "reckon-" + suite.name() + "-merge.sbatch";
    String submit = "#!/bin/sh\n"
        + "# Submits the array, then the merge, which starts only if every shard exits 0 (afterok).\n"
        + "set -e\n"
        + "cd \"$(dirname \"$0\")\"\n"
        + "# Slurm does not make the folder of a job's output file; a job whose file cannot open never starts.\n"
        + "mkdir -p " + quote(outDir) + "\n"
        + "array=$(sbatch --parsable " + arrayFile + ")\n"
        + "merge=$(sbatch --parsable --dependency=afterok:\"$array\" --export=ALL,RECKON_ARRAY_JOB=\"$array\" "
        + mergeFile + ")\n"
        + "echo \"array job $array: shards in " + outDir + "/" + runId + "$array-shard-*; merge job $merge -> "
        + outDir + "/" + runId + "$array\"\n";
    write(scripts.resolve(arrayFile), array);
    write(scripts.resolve(mergeFile), merge);
    write(scripts.resolve("submit.sh"), submit);
    console.out().println("wrote " + scripts.resolve(arrayFile) + ", " + scripts.resolve(mergeFile) + " and "
        + scripts.resolve("submit.sh") + "; run " + scripts.resolve("submit.sh") + " on the cluster");
    return 0;
  }

  private String header(String name, String output) {
    return "#SBATCH --job-name=" + name + "\n"
        + "#SBATCH --output=" + output + "\n"
        + (partition == null ? "" : "#SBATCH --partition=" + partition + "\n")
        + (time == null ? "" : "#SBATCH --time=" + time + "\n");
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
