package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin guide (docs/writing-a-plugin.md, once the README's), taken from the page itself: its
 * files are compiled against the api jar alone, checked by verify-plugin, dropped into a plugin
 * directory, listed and evaluated. If the guide rots, this fails.
 */
class ReadmeGuideTest {
  private static final Pattern FILE_BLOCK =
      Pattern.compile("```\\w*\\n(?://|#) file: (\\S+)\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void aPluginWrittenFromTheReadmeIsListedAndEvaluated() throws IOException {
    String guide = Files.readString(Cli.ROOT.resolve("docs/writing-a-plugin.md"));
    Path sources = work.resolve("guide");
    Matcher block = FILE_BLOCK.matcher(guide);
    int files = 0;
    while (block.find()) {
      String path = block.group(1).replaceFirst("^src/main/(java|resources)/", "");
      Path file = sources.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, block.group(2));
      files++;
    }
    assertEquals(2, files, "the guide has a Java source and a service file");
    Path plugins = work.resolve("plugins");
    PluginJars.build(sources, plugins.resolve("greedy.jar"), true);

    Cli.Outcome listing = Cli.reckon("list", "--plugins", plugins.toString());
    assertTrue(listing.out().lines().anyMatch(line -> line.trim().startsWith("greedy ")), listing::toString);

    Cli.Outcome verified = Cli.reckon("verify-plugin", plugins.resolve("greedy.jar").toString(), "--plugins",
        Cli.DISTRIBUTION.resolve("plugins").toString());
    assertEquals(0, verified.status(), verified::toString);
    assertTrue(verified.out().contains("pass model greedy on sudoku-4x4: same seed, same predictions"),
        verified::toString);

    Path out = work.resolve("runs");
    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", "quick", "--models",
        "greedy,uniform", "--tasks", "sudoku-4x4", "--out", out.toString());
    assertEquals(0, run.status(), run::toString);
    List<Map<String, String>> results = RunFiles.csv(RunFiles.onlyRun(out).resolve("results.csv"));
    double greedy = RunFiles.value(results, "greedy", "sudoku-4x4", "b6", "cell_accuracy", 1);
    double uniform = RunFiles.value(results, "uniform", "sudoku-4x4", "b6", "cell_accuracy", 1);
    assertTrue(greedy > uniform + 0.1, "greedy " + greedy + " beats chance " + uniform);
  }
}
