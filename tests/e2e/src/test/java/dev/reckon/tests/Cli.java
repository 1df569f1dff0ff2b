package dev.reckon.tests;

import dev.reckon.runner.Reckon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the reckon command line in this JVM, with the distribution's plugins, and keeps its output. */
final class Cli {
  static final Path DISTRIBUTION = Path.of(System.getProperty("reckon.distribution", "../../target/reckon"));
  /** The project's root directory: the README, docs/, examples/, the cluster scripts. */
  static final Path ROOT = Path.of(System.getProperty("reckon.root", "../.."));

  record Outcome(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  private Cli() {}

  /** {@code reckon args...}, with the built-in plugins added to any {@code --plugins} given. */
  static Outcome reckon(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.isEmpty() && List.of("run", "list", "lock", "analyze").contains(all.get(0))) {
      all.addAll(1, List.of("--plugins", DISTRIBUTION.resolve("plugins").toString()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Reckon.run(all.toArray(String[]::new), o, e, false);
    }
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
