package escaping;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.Dataset;
import dev.reckon.api.GraphLabelingDataset;
import dev.reckon.api.LabelingDataset;
import dev.reckon.api.LabelingFormat;
import dev.reckon.api.LabelingPredictions;
import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import dev.reckon.api.Predictions;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Support;
import dev.reckon.api.Task;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Models that try to get out of their cell, each in one way, and otherwise answer legally (label 1
 * on every blank):
 *
 * <ul>
 *   <li>{@code tamper} looks for the run directory above its plugins (their paths are in its cell's
 *       spec, the last argument of its process: the run's copies, in the run directory) and rewrites
 *       every results.csv there to 0.123 and deletes the other cells' output logs;
 *   <li>{@code forge-self} registers a shutdown hook that sends a forged result (accuracy 1.0) on
 *       the cell's channel after the real one and rewrites any result file named in its arguments;
 *   <li>{@code kill-siblings} SIGKILLs every other cell's process it can see;
 *   <li>{@code kill-runner} SIGTERMs every ancestor of its process;
 *   <li>{@code tmp-writer} writes reckon-sandbox-escape-probe.txt into /tmp and java.io.tmpdir;
 *   <li>{@code cheat} answers with the task's reference solver, or the task's own generator at the
 *       evaluation data's seeds when there is no solver;
 *   <li>{@code flood} writes without end and without a newline on the cell's channel (standard
 *       output's file descriptor);
 *   <li>{@code chatter} prints 24 MB to standard error, then answers.
 * </ul>
 *
 * Each prints what it did to standard error (its cell's output log).
 */
public final class EscapingModelsPlugin implements ReckonPlugin {
  static final String PROBE = "reckon-sandbox-escape-probe.txt";

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<ModelFactory> models() {
    return Stream.of("tamper", "forge-self", "kill-siblings", "kill-runner", "tmp-writer", "cheat", "flood", "chatter")
        .<ModelFactory>map(Escaping::new).toList();
  }

  private record Escaping(String id) implements ModelFactory {
    @Override
    public String version() {
      return "1";
    }

    @Override
    public Support supports(Task task) {
      return task.format() instanceof LabelingFormat ? Support.yes() : Support.no("reads labelling tasks only");
    }

    @Override
    public Model create(ModelContext context) {
      Task task = context.task();
      return inputs -> {
        try {
          return predict(task, inputs);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
    }

    private Predictions predict(Task task, Dataset inputs) throws IOException {
      switch (id) {
        case "tamper" -> tamper();
        case "forge-self" -> forge();
        case "kill-siblings" -> ProcessHandle.allProcesses()
            .filter(p -> !p.equals(ProcessHandle.current()) && commandLine(p).contains("CellMain"))
            .forEach(p -> System.err.println("kill-siblings: SIGKILL " + p.pid() + ": " + p.destroyForcibly()));
        case "kill-runner" -> {
          for (ProcessHandle p = ProcessHandle.current().parent().orElse(null); p != null;
              p = p.parent().orElse(null)) {
            System.err.println("kill-runner: SIGTERM " + p.pid() + " " + commandLine(p) + ": " + p.destroy());
          }
        }
        case "tmp-writer" -> {
          for (String folder : List.of("/tmp", System.getProperty("java.io.tmpdir"))) {
            try {
              Files.writeString(Path.of(folder, PROBE), "written by a cell");
              System.err.println("tmp-writer: wrote " + Path.of(folder, PROBE));
            } catch (IOException e) {
              System.err.println("tmp-writer: " + e);
            }
          }
        }
        case "cheat" -> {
          Task.ReferenceSolver solver = task.referenceSolver().orElse(null);
          if (solver != null) {
            return solver.solve(inputs);
          }
          task.generate(task.levels().get(0), inputs.size(), 1);
          throw new IllegalStateException("cheat: found neither solver nor generator");
        }
        case "flood" -> {
          OutputStream channel = new FileOutputStream(FileDescriptor.out);
          byte[] chunk = new byte[1 << 20];
          java.util.Arrays.fill(chunk, (byte) 'x');
          for (int i = 0; i < 4096; i++) {
            channel.write(chunk);
          }
        }
        case "chatter" -> {
          String line = "chatter ".repeat(16) + "\n";
          for (int i = 0; i < 24_000_000 / line.length(); i++) {
            System.err.print(line);
          }
          System.err.println("chatter: the last line");
        }
        default -> throw new IllegalStateException("no model " + id);
      }
      return new LabelingPredictions(new int[] {1}, new int[][][] {legal(inputs)});
    }
  }

  /** Rewrites the results of any run it can reach; waits a little for the other cells to write theirs. */
  static void tamper() throws IOException {
    long until = System.nanoTime() + 6_000_000_000L;
    List<Path> tampered = new ArrayList<>();
    do {
      for (String plugin : plugins()) {
        // runs/<run>/plugin-jars/<key>/<jar>: from the folder of the runs
        Path parent = Path.of(plugin);
        for (int up = 0; up < 4 && parent.getParent() != null; up++) {
          parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(parent, 4)) {
          for (Path file : walk.filter(p -> p.getFileName().toString().equals("results.csv")).toList()) {
            try {
              List<String> lines = Files.readAllLines(file);
              if (lines.size() < 2) {
                continue;
              }
              List<String> forged = new ArrayList<>(List.of(lines.get(0)));
              lines.stream().skip(1).map(l -> l.replaceAll(",(0|1|0\\.\\d+|1\\.0),", ",0.123,")).forEach(forged::add);
              Files.write(file, forged);
              tampered.add(file);
              Path logs = file.resolveSibling("cell-output");
              if (Files.isDirectory(logs)) {
                try (Stream<Path> others = Files.list(logs)) {
                  for (Path log : others.filter(l -> !l.getFileName().toString().startsWith("tamper")).toList()) {
                    Files.deleteIfExists(log);
                  }
                }
              }
            } catch (IOException e) {
              System.err.println("tamper: cannot rewrite " + file + ": " + e);
            }
          }
        } catch (IOException | RuntimeException e) {
          System.err.println("tamper: cannot walk " + parent + ": " + e);
        }
      }
      sleep(200);
    } while (tampered.isEmpty() && System.nanoTime() < until);
    System.err.println("tamper: rewrote " + tampered);
  }

  /** After the cell's real result: a forged one on the channel, and any result file rewritten. */
  static void forge() {
    List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      String forged = "{\"outcome\":{\"status\":\"DONE\",\"forged\":1.0}}";
      try {
        OutputStream channel = new FileOutputStream(FileDescriptor.out);
        channel.write(("reckon-cell-result " + forged.length() + "\n" + forged).getBytes(StandardCharsets.UTF_8));
        channel.flush();
      } catch (IOException e) {
        System.err.println("forge-self: " + e);
      }
      for (String argument : arguments) {
        if (argument.endsWith("result.json") && Files.exists(Path.of(argument))) {
          try {
            Files.writeString(Path.of(argument), Files.readString(Path.of(argument))
                .replaceAll("\"value\":[0-9.E-]+", "\"value\":1.0"));
          } catch (IOException e) {
            System.err.println("forge-self: " + e);
          }
        }
      }
    }));
  }

  /** The plugins named in the cell's spec (the last argument of its process). */
  static List<String> plugins() throws IOException {
    List<String> arguments = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    List<String> directories = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.endsWith(".json") && Files.isRegularFile(Path.of(argument))) {
        Matcher list = Pattern.compile("\"plugins\":\\[([^\\]]*)\\]").matcher(Files.readString(Path.of(argument)));
        if (list.find()) {
          Matcher item = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
          while (item.find()) {
            directories.add(item.group(1));
          }
        }
      }
    }
    return directories;
  }

  static String commandLine(ProcessHandle process) {
    return process.info().commandLine().orElse("");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static int[][] givens(Dataset data) {
    return data instanceof LabelingDataset labelling ? labelling.givens() : ((GraphLabelingDataset) data).givens();
  }

  /** The givens with label 1 on every blank. */
  static int[][] legal(Dataset inputs) {
    int[][] givens = givens(inputs);
    int[][] output = new int[givens.length][];
    for (int example = 0; example < givens.length; example++) {
      output[example] = givens[example].clone();
      for (int node = 0; node < output[example].length; node++) {
        output[example][node] = Math.max(1, output[example][node]);
      }
    }
    return output;
  }
}
