package dev.reckon.runner;

import dev.reckon.runner.execution.CellJson;
import dev.reckon.runner.execution.ChildJvm;
import dev.reckon.runner.plugins.PluginLoader;
import dev.reckon.kit.Training;
import dev.reckon.tck.Check;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reckon verify-plugin JAR...}: the conformance kit's checks (the same a plugin's own tests
 * run through {@code PluginContract}) on jars before they are dropped in, one line each. Each jar
 * is checked in a process of its own ({@link VerifyPluginMain}): a plugin that exits, halts or
 * hangs fails its checks and ends nothing else. Models train with the model kit's quick budget
 * ({@link Training#QUICK_CHECK}) unless {@code --full}; a long training shows its progress; the
 * process's output is kept, and its tail shown, when a check fails.
 */
@Command(name = "verify-plugin", mixinStandardHelpOptions = true, description = {"Check plugin jars before they "
    + "are dropped in: every property of the conformance kit, one line each; exit status 1 when one fails.",
    "Models train for a few updates (updates=4, batchSize=8 where they declare them), seconds a model; --full "
        + "trains them at their own settings. Each model is checked on the task --task names, else on the first it "
        + "supports among its jar's own, those of the other jars named, of the --plugins directories, then the "
        + "built-in ones. When a check fails, the end of the checks' output is shown and the file kept."})
final class VerifyPluginCommand implements Callable<Integer> {
  /** A property failed. */
  static final int FAILED = 1;
  /** The lines of the checks' output shown when one failed: enough for a stack trace's cause. */
  private static final int OUTPUT_TAIL = 30;

  @Parameters(paramLabel = "JAR", arity = "1..*", description = "Plugin jars (or plugin directories) to check.")
  List<Path> jars = new ArrayList<>();

  @Mixin PluginOptions plugins;

  @Option(names = "--model-config", paramLabel = "KEY=VALUE", description = "A setting for every model that "
      + "declares it, over the quick budget's, e.g. updates=20 or hidden=16 (repeatable).")
  Map<String, String> modelConfig = new LinkedHashMap<>();

  @Option(names = "--full", description = "Train every model at its own settings (as a run would; minutes a "
      + "model) instead of the quick budget.")
  boolean full;

  @Option(names = "--task", paramLabel = "ID", description = "The task every model is checked on (a task of the "
      + "jars named or of the loaded plugins); a model that declines it fails.")
  String task;

  @Option(names = "--task-config", paramLabel = "KEY=VALUE", description = "A setting for every task that declares "
      + "it (repeatable).")
  Map<String, String> taskConfig = new LinkedHashMap<>();

  @Option(names = "--time-limit", paramLabel = "MINUTES", defaultValue = "10",
      description = "The most a jar's checks may take. Default: ${DEFAULT-VALUE}.")
  double timeLimitMinutes;

  private final Console console;
  private final PluginLoader loader;

  @Inject
  VerifyPluginCommand(Console console, PluginLoader loader) {
    this.console = console;
    this.loader = loader;
  }

  @Override
  public Integer call() {
    for (Path jar : jars) {
      if (!Files.exists(jar)) {
        throw new UsageException("no plugin jar " + jar + ": it does not exist");
      }
    }
    if (task != null) {
      requireTask();
    }
    Map<String, String> models = new LinkedHashMap<>();
    if (!full) {
      Training.QUICK_CHECK.forEach((name, value) -> models.put(name, String.valueOf(value)));
    }
    models.putAll(modelConfig);
    List<Path> directories = plugins.givenFirst();
    List<Check> checks = new ArrayList<>();
    for (Path jar : jars) {
      List<Path> companions = jars.stream().filter(other -> !other.equals(jar)).map(Path::toAbsolutePath).toList();
      checks.addAll(inItsOwnProcess(new VerifyPluginMain.Spec(jar.toAbsolutePath(), companions, directories,
          taskConfig, models, Optional.ofNullable(task))));
    }
    long failed = checks.stream().filter(Check::failed).count();
    long notApplicable = checks.stream().filter(check -> check.verdict() == Check.Verdict.NOT_APPLICABLE).count();
    console.out().printf(Locale.ROOT, "%d checks: %d passed, %d failed, %d not applicable%n", checks.size(),
        checks.size() - failed - notApplicable, failed, notApplicable);
    return failed > 0 ? FAILED : 0;
  }

  /** The jar's checks as its process printed them, each as it came, and a failed one if the process ended early. */
  private List<Check> inItsOwnProcess(VerifyPluginMain.Spec spec) {
    String name = spec.jar().getFileName().toString();
    try {
      Path work = Files.createTempDirectory("reckon-verify");
      Path specFile = work.resolve("spec.json");
      Path output = work.resolve("output.log");
      CellJson.write(specFile, spec);
      Process process = ChildJvm.of(VerifyPluginMain.class, List.of(specFile.toString()))
          .redirectError(output.toFile()).start();
      process.getOutputStream().close();
      List<Check> checks = Collections.synchronizedList(new ArrayList<>());
      Thread reader = new Thread(() -> read(process, checks, console), "verify " + name);
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(Math.round(timeLimitMinutes * 60), TimeUnit.SECONDS)) {
        ChildJvm.kill(process);
        checks.add(ended(name, "did not finish within " + timeLimitMinutes + " minutes; its process was ended",
            output));
      } else {
        reader.join(TimeUnit.SECONDS.toMillis(5));
        if (process.exitValue() != 0) {
          checks.add(ended(name, "ended its process with exit status " + process.exitValue()
              + " before the checks finished: " + ChildJvm.cause(process.exitValue(), "the plugin"), output));
        }
      }
      if (checks.stream().anyMatch(Check::failed)) {
        showTail(output);
      } else {
        // The output is kept only where a check failed; otherwise nothing is left behind.
        ChildJvm.deleteQuietly(work);
      }
      return checks;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the checks of " + spec.jar(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + spec.jar(), e);
    }
  }

  /** The check a process that ended early failed, printed like the others. */
  private Check ended(String name, String what, Path output) {
    Check check = new Check("plugin " + name, "finishes its checks", Check.Verdict.FAILED,
        "it " + what + "; its output is in " + output);
    print(check, console.out());
    return check;
  }

  /** The end of what the checks' process printed (the plugin's output and stack traces), and where the rest is. */
  private void showTail(Path output) throws IOException {
    List<String> lines = Files.exists(output) ? Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
    if (lines.isEmpty()) {
      console.out().println("     the checks' process printed nothing (" + output + ")");
      return;
    }
    int from = Math.max(0, lines.size() - OUTPUT_TAIL);
    console.out().println("     the checks' output, " + (from == 0 ? "all " + lines.size() + " lines" : "its last "
        + OUTPUT_TAIL + " of " + lines.size() + " lines") + " (kept in " + output + "):");
    lines.subList(from, lines.size()).forEach(line -> console.out().println("     | " + line));
  }

  /** Fails {@code --task} that names no task of the jars or the loaded plugins. */
  private void requireTask() {
    Set<String> tasks = new TreeSet<>();
    loader.loadEach(jars).tasks().forEach(found -> tasks.add(found.id()));
    plugins.load().tasks().forEach(found -> tasks.add(found.id()));
    if (!tasks.contains(task)) {
      throw new UsageException("no task " + task + " to check the models on: it is none of the tasks of the jars "
          + "named and the loaded plugins (" + (tasks.isEmpty() ? "none" : String.join(", ", tasks)) + ")");
    }
  }

  private static void read(Process process, List<Check> checks, Console console) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith(VerifyPluginMain.CHECK)) {
          Check check = CellJson.parse(line.substring(VerifyPluginMain.CHECK.length()), Check.class);
          checks.add(check);
          print(check, console.out());
        } else if (line.startsWith(VerifyPluginMain.PROGRESS)) {
          VerifyPluginMain.Progress progress = CellJson.parse(line.substring(VerifyPluginMain.PROGRESS.length()),
              VerifyPluginMain.Progress.class);
          console.err().printf(Locale.ROOT, "     %s: training, update %d of %d%n", progress.subject(),
              progress.done(), progress.total());
        }
      }
    } catch (IOException e) {
      // the process ended; what it printed so far is kept
    }
  }

  private static void print(Check check, PrintStream out) {
    out.printf(Locale.ROOT, "%-4s %s: %s%s%n", switch (check.verdict()) {
      case PASSED -> "pass";
      case FAILED -> "FAIL";
      case NOT_APPLICABLE -> "n/a";
    }, check.subject(), check.property(), check.detail().isEmpty() ? "" : " (" + check.detail() + ")");
  }
}
