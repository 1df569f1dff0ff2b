package dev.reckon.runner.execution;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM like this one (its java, options and class path) running another main class: where a
 * plugin's code runs, so that its {@code System.exit}, {@code Runtime.halt} or a crash of the
 * native engine ends that process only.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static ProcessBuilder of(Class<?> main, List<String> arguments) {
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
}
