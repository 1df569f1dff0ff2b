package dev.reckon.runner.execution;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A JVM like this one (its java, options and class path) running another main class: where a
 * plugin's code runs, so that its {@code System.exit}, {@code Runtime.halt} or a crash of the
 * native engine ends that process only.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static ProcessBuilder of(Class<?> main, List<String> arguments) {
    return of(main, List.of(), arguments);
  }

  /** As {@link #of(Class, List)}, with {@code options} after the runner's own JVM options (so they win). */
  public static ProcessBuilder of(Class<?> main, List<String> options, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString()));
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // A debugger's agent would ask for the same port again.
      if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")) {
        command.add(option);
      }
    }
    command.add("-D" + CellProcess.ENGINE_THREADS + "=" + CellProcess.engineThreads());
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    // OpenMP keeps its thread count per thread: PyTorch's setting reaches only the thread that
    // loads the engine, and every other thread would start as many as there are cores.
    for (String variable : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
      builder.environment().putIfAbsent(variable, Integer.toString(CellProcess.engineThreads()));
    }
    return builder;
  }

  /** Ends {@code process} and every process it started, and waits for it to end. */
  public static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Why a child ended early, from its exit status: above 128 the JVM died of a signal (128 + its
   * number) sent from outside, e.g. SIGKILL (137) from a scheduler's cancel or the kernel's
   * out-of-memory killer, SIGTERM (143); otherwise {@code culprit}'s code ended it or the JVM
   * crashed.
   */
  public static String cause(int status, String culprit) {
    if (status > 128) {
      return "it was killed by signal " + (status - 128) + " from outside the run (a scheduler's cancel or time "
          + "limit, the out-of-memory killer, a kill)";
    }
    return culprit + " called System.exit or Runtime.halt, or the JVM crashed";
  }

  /** Deletes a child's work folder (its spec, its output); a folder left behind is harmless. */
  public static void deleteQuietly(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // nothing to do: the operating system's temporary folder is cleared in time
    }
  }
}
