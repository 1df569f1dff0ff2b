package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reckon verify-plugin} checks a jar before it is dropped in: a built-in task and a third
 * party's task of another shape pass, hostile models fail the checks their misdeeds break, and
 * one that calls {@code System.exit} ends only its own checks' process.
 */
class VerifyPluginTest {
  private static final String BUILT_IN = Cli.DISTRIBUTION.resolve("plugins").toString();

  @TempDir Path work;

  @Test
  void aBuiltInTaskJarAndAThirdPartysTaskPassEveryCheck() throws IOException {
    Path colouring = PluginJars.example("graph-colouring", work.resolve("colouring.jar"));
    Set<Path> before = workFolders();
    Cli.Outcome outcome = Cli.reckon("verify-plugin", builtIn("task-sudoku"), colouring.toString(), "--plugins",
        BUILT_IN);
    assertEquals(0, outcome.status(), outcome::toString);
    assertTrue(before.containsAll(workFolders()), "the checks' work folders are deleted when they pass");
    assertTrue(outcome.out().contains("pass plugin task-sudoku"), outcome::toString);
    assertTrue(outcome.out().contains("task sudoku-9x9: chance scores worse than its reference solver"),
        outcome::toString);
    assertTrue(outcome.out().contains("task colouring: same seed, same data"), outcome::toString);
    assertTrue(outcome.out().contains(" 0 failed"), outcome::toString);
  }

  @Test
  void hostileModelsFailTheirChecksAndAnExitEndsOnlyTheirProcess() {
    Path hostile = PluginJars.build("hostile-models", work.resolve("hostile-models.jar"));
    Cli.Outcome outcome = Cli.reckon("verify-plugin", hostile.toString(), "--plugins", BUILT_IN);
    assertEquals(1, outcome.status(), outcome::toString);
    // Each is checked on the first built-in task it supports (a labelling task: sudoku or shortest-path-graphs).
    assertTrue(Pattern.compile("FAIL model mutator on [\\w-]+: leaves its training and evaluation data as they were "
        + "\\((train|predict)\\(\\) changed its").matcher(outcome.out()).find(), outcome::toString);
    assertTrue(Pattern.compile("FAIL model backwards on [\\w-]+: trains and predicts within the boundary rules")
        .matcher(outcome.out()).find(), outcome::toString);
    assertTrue(outcome.out().contains("FAIL plugin hostile-models.jar: finishes its checks (it ended its process with "
        + "exit status"), outcome::toString);
  }

  /**
   * A model is checked on a task of the other jars named before the built-in ones, or on the task
   * {@code --task} names; a check that fails shows the end of the checks' output, kept in a file.
   */
  @Test
  void aModelIsCheckedOnTheNamedJarsTaskOrTheNamedTaskAndAFailureShowsTheOutput() {
    String guess = PluginJars.build("sequence-guess", work.resolve("sequence-guess.jar")).toString();
    String sorting = PluginJars.build("sorting", work.resolve("sorting.jar")).toString();
    Cli.Outcome beside = Cli.reckon("verify-plugin", guess, sorting, "--plugins", BUILT_IN);
    assertEquals(1, beside.status(), beside::toString);
    assertTrue(beside.out().contains("pass model sequence-guess on third-party-sorting: trains and predicts within "
        + "the boundary rules"), beside::toString);
    assertTrue(beside.out().contains("FAIL model careless on third-party-sorting: declines a task of a shape nobody "
        + "knows"), beside::toString);
    Matcher kept = Pattern.compile("the checks' output, all \\d+ lines \\(kept in (\\S+)\\):").matcher(beside.out());
    assertTrue(kept.find(), beside::toString);
    assertTrue(Files.exists(Path.of(kept.group(1))), beside::toString);
    assertTrue(beside.out().contains("     | careless accepts a task of format"), beside::toString);

    Cli.Outcome named = Cli.reckon("verify-plugin", guess, sorting, "--task", "reverse", "--plugins", BUILT_IN);
    assertTrue(named.out().contains("pass model sequence-guess on reverse: trains and predicts within the boundary "
        + "rules"), named::toString);

    Cli.Outcome unknown = Cli.reckon("verify-plugin", guess, "--task", "reverse-polish");
    assertEquals(2, unknown.status(), unknown::toString);
    assertTrue(unknown.err().contains("no task reverse-polish to check the models on: it is none of the tasks of the "
        + "jars named and the loaded plugins ("), unknown::toString);
  }

  /** By default a learning model trains for a few updates: a built-in one passes in seconds, not minutes. */
  @Test
  void aBuiltInLearningModelPassesWithTheQuickDefault() throws IOException {
    Cli.Outcome outcome = Cli.reckon("verify-plugin", builtIn("model-rrn"), "--task", "sudoku-4x4", "--plugins",
        BUILT_IN);
    assertEquals(0, outcome.status(), outcome::toString);
    assertTrue(outcome.out().contains("pass model rrn on sudoku-4x4: same seed, same predictions"), outcome::toString);
  }

  /** A file that is no jar fails to load, and nothing passes on what it does not offer. */
  @Test
  void aFileThatIsNoJarFailsToLoadAndPassesNothing() throws IOException {
    Path broken = Files.writeString(work.resolve("notajar.jar"), "hi\n");
    Cli.Outcome outcome = Cli.reckon("verify-plugin", broken.toString(), "--plugins", BUILT_IN);
    assertEquals(1, outcome.status(), outcome::toString);
    assertTrue(outcome.out().contains("FAIL plugin notajar.jar: loads (not a readable jar"), outcome::toString);
    assertFalse(outcome.out().contains("pass "), outcome::toString);
  }

  @Test
  void aMissingJarIsAUsageError() {
    Cli.Outcome outcome = Cli.reckon("verify-plugin", work.resolve("nothing.jar").toString());
    assertEquals(2, outcome.status(), outcome::toString);
    assertTrue(outcome.err().contains("no plugin jar " + work.resolve("nothing.jar") + ": it does not exist"),
        outcome::toString);
  }

  /** The work folders of verify-plugin's processes in the temporary folder. */
  private static Set<Path> workFolders() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(file -> file.getFileName().toString().startsWith("reckon-verify"))
          .collect(Collectors.toSet());
    }
  }

  private static String builtIn(String prefix) throws IOException {
    try (Stream<Path> jars = Files.list(Cli.DISTRIBUTION.resolve("plugins"))) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow().toString();
    }
  }
}
