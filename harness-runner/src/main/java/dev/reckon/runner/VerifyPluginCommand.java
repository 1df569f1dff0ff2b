package dev.reckon.runner;

import dev.reckon.runner.execution.CellJson;
import dev.reckon.runner.execution.ChildJvm;
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
 * hangs fails its checks and ends nothing else.
 */
@Command(name = "verify-plugin", mixinStandardHelpOptions = true, description = "Check plugin jars before they are "
    + "dropped in: every property of the conformance kit, one line each; exit status 1 when one fails.")
final class VerifyPluginCommand implements Callable<Integer> {
  /** A property failed. */
  static final int FAILED = 1;

  @Parameters(paramLabel = "JAR", arity = "1..*", description = "Plugin jars (or plugin directories) to check.")
  List<Path> jars = new ArrayList<>();

  @Mixin PluginOptions plugins;

  @Option(names = "--model-config", paramLabel = "KEY=VALUE", description = "A setting for every model that "
      + "declares it, e.g. updates=20 so that the checks train in seconds (repeatable).")
  Map<String, String> modelConfig = new LinkedHashMap<>();

  @Option(names = "--task-config", paramLabel = "KEY=VALUE", description = "A setting for every task that declares "
      + "it (repeatable).")
  Map<String, String> taskConfig = new LinkedHashMap<>();

  @Option(names = "--time-limit", paramLabel = "MINUTES", defaultValue = "10",
      description = "The most a jar's checks may take. Default: ${DEFAULT-VALUE}.")
  double timeLimitMinutes;

  private final Console console;

  @Inject
  VerifyPluginCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    for (Path jar : jars) {
      if (!Files.exists(jar)) {
        throw new UsageException("no plugin jar " + jar + ": it does not exist");
      }
    }
    List<Check> checks = new ArrayList<>();
    for (Path jar : jars) {
      checks.addAll(inItsOwnProcess(new VerifyPluginMain.Spec(jar.toAbsolutePath(), plugins.directories(),
          taskConfig, modelConfig)));
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
      Thread reader = new Thread(() -> read(process, checks, console.out()), "verify " + name);
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
        } else {
          // The output is named only by a process that ended early; otherwise nothing is left behind.
          ChildJvm.deleteQuietly(work);
        }
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

  private static void read(Process process, List<Check> checks, PrintStream out) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith(VerifyPluginMain.CHECK)) {
          Check check = CellJson.parse(line.substring(VerifyPluginMain.CHECK.length()), Check.class);
          checks.add(check);
          print(check, out);
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
