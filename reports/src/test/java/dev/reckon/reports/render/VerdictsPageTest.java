package dev.reckon.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reckon.reports.claims.Claim;
import dev.reckon.reports.claims.ClaimStatus;
import dev.reckon.reports.claims.Claims;
import dev.reckon.reports.format.Fixtures;
import dev.reckon.reports.format.RunFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts page of a run ({@code reckon report RUN --verdicts FILE}), and the committed one,
 * docs/verdicts-default.md, which must not be stale: written from a run of this reckon's run format,
 * in the page's current layout, naming only claims that exist and every claim that does.
 */
class VerdictsPageTest {
  /** The committed page of the default run, from the reports module's folder. */
  static final Path DEFAULT_PAGE = Path.of(System.getProperty("basedir", ".")).resolve("../docs/verdicts-default.md");
  private static final String REGENERATE = "docs/verdicts-default.md is stale: run the default suite with this "
      + "reckon and write the page again, ./reckon report RUN --verdicts docs/verdicts-default.md --note 'A run of "
      + "commit ... on ...' (docs/claims.md says how)";

  @TempDir Path work;

  @Test
  void aRunsPageSaysWhatRanAndGivesEachVerdictALineAndWritesNothingIntoTheRun() throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    List<Path> before = listing(run);
    Path page = ReportWriter.writeVerdicts(run, work.resolve("pages/verdicts.md"), "A run of a fixture.");
    assertEquals(before, listing(run), "nothing written into the run directory");

    String md = Files.readString(page);
    assertTrue(md.startsWith(MarkdownReport.GENERATED + "\n\n# Verdicts of the run `20260101-000000-rrn`\n\n"
        + "A run of a fixture.\n\n| what ran | |\n| --- | --- |\n| run id | `20260101-000000-rrn` |\n"
        + "| suite | rrn-fixture |\n| seeds | 1 (1) |\n| device | cpu |\n| engine | PyTorch 2.5.1 |\n"
        + "| machine | 2 processors, Linux amd64, Java 17.0.15 |\n| started | 2026-11-24T21:31:57Z |\n"
        + "| finished | 2026-11-24T21:31:57Z |\n| wall time | 0 s |\n"), md);
    assertTrue(md.contains("| run format | " + RunFormat.VERSION + " |\n"), md);
    assertTrue(md.contains("\n## Claims of the research notes\n\n| claim | verdict | why |\n| --- | --- | --- |\n"), md);
    // The verdict with its seed agreement, and the first line of the evidence only.
    assertTrue(md.contains("| **rrn-more-iterations** | not reproduced (1 seed) | rrn on sudoku-4x4 b8, "
        + "puzzle_accuracy at T = 8: 0.75 [0.657, 0.825], 2T = 16: 0.8 [0.711, 0.867], 4T = 32: 0.82 [0.733, 0.883]; "
        + "the last count is not better than the first outside the noise (by the intervals, unpaired: neither has "
        + "outcomes) |\n"), md);
    assertFalse(md.contains("## Leaderboards"), "the page holds verdicts, not boards");
    assertTrue(md.lines().filter(line -> line.startsWith("| **")).allMatch(line -> line.split("(?<!\\\\)\\|").length
        == 4), "three cells a claim: " + md);
  }

  @Test
  void theWallTimeReadsAsPeopleSayIt() {
    assertEquals("42 s", RunHeader.text(java.time.Duration.ofMillis(41_600)));
    assertEquals("27 min 1 s", RunHeader.text(java.time.Duration.ofSeconds(27 * 60 + 1)));
    assertEquals("1 h 0 min 5 s", RunHeader.text(java.time.Duration.ofSeconds(3605)));
  }

  @Test
  void aDirectoryThatIsNoRunIsRefused() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty"));
    assertThrows(IllegalArgumentException.class, () -> ReportWriter.writeVerdicts(empty, work.resolve("p.md"), ""));
  }

  /**
   * docs/verdicts-default.md is written by the command from a run, never by hand; it is stale when
   * (1) the run it was written from is of another run format than this reckon writes
   * ({@link RunFormat#VERSION}: its files mean other things now), (2) its layout differs from the
   * page the command writes now (its headings, table headers, fixed sentences and the rows of what
   * ran, compared with a page written now from a fixture run), or (3) its claims are not the
   * project's (a claim or check it names that seeds/claims.yaml no longer has, one of
   * seeds/claims.yaml it neither lists nor names as not listed, or a verdict no status reads as).
   */
  @Test
  void theCommittedPageOfTheDefaultRunIsNotStale() throws IOException {
    assertTrue(Files.isRegularFile(DEFAULT_PAGE), DEFAULT_PAGE + " is missing");
    String committed = Files.readString(DEFAULT_PAGE);

    String format = rows(committed).stream().filter(row -> row.get(0).equals(RunHeader.RUN_FORMAT))
        .map(row -> row.get(1)).findFirst().orElse("none");
    assertEquals(String.valueOf(RunFormat.VERSION), format, REGENERATE + " (it records run format " + format
        + "; this reckon writes " + RunFormat.VERSION + ")");

    Path fixture = Fixtures.copy(Fixtures.SUDOKU, work);
    String now = Files.readString(ReportWriter.writeVerdicts(fixture, work.resolve("now.md"), "a note"));
    assertEquals(layout(now), layout(committed), REGENERATE + " (its layout is not the command's now)");

    Claims project = Claims.bundled();
    Set<String> claims = project.claims().stream().map(Claim::id).collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> checks = project.sanityChecks().stream().map(Claim::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> listedClaims = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String line : committed.lines().toList()) {
      if (line.startsWith("| **")) {
        String[] cells = line.split("(?<!\\\\)\\|");
        listedClaims.add(id(cells[1]));
        labels.add(cells[2].strip());
      }
    }
    List<String> listedChecks = committed.lines().filter(line -> line.startsWith("- **")).map(line -> {
      labels.add(line.substring(line.indexOf("**:") + 3).strip());
      return id(line.substring(2, line.indexOf("**:") + 2));
    }).toList();
    List<String> unlisted = committed.lines().filter(line -> line.startsWith(Report.UNLISTED))
        .flatMap(line -> Arrays.stream(line.substring(Report.UNLISTED.length()).replaceFirst("\\.$", "").split(", ")))
        .toList();
    for (String id : listedClaims) {
      assertTrue(claims.contains(id) || checks.contains(id), REGENERATE + ": seeds/claims.yaml has no claim " + id);
    }
    for (String id : listedChecks) {
      assertTrue(checks.contains(id), REGENERATE + ": seeds/claims.yaml has no sanity check " + id);
    }
    for (String id : Stream.concat(claims.stream(), checks.stream()).toList()) {
      assertTrue(listedClaims.contains(id) || listedChecks.contains(id) || unlisted.contains(id),
          REGENERATE + ": it does not name " + id + " of seeds/claims.yaml");
    }
    List<String> words = Arrays.stream(ClaimStatus.values()).flatMap(s -> Stream.of(s.text(), s.sanityText())).toList();
    for (String label : labels) {
      assertTrue(words.stream().anyMatch(label::startsWith), REGENERATE + ": no verdict reads '" + label + "'");
    }
  }

  /** The claim id of a cell such as {@code **rrn-more-iterations** (plugin jar x)}. */
  private static String id(String cell) {
    String text = cell.strip();
    return text.substring(2, text.indexOf("**", 2));
  }

  /** The rows of the table of what ran: key, value. */
  private static List<List<String>> rows(String page) {
    List<List<String>> rows = new ArrayList<>();
    boolean inside = false;
    for (String line : page.lines().toList()) {
      if (line.equals("| what ran | |")) {
        inside = true;
      } else if (inside && line.startsWith("| ") && !line.startsWith("| ---")) {
        String[] cells = line.split("(?<!\\\\)\\|");
        rows.add(List.of(cells[1].strip(), cells[2].strip()));
      } else if (inside && !line.startsWith("|")) {
        inside = false;
      }
    }
    return rows;
  }

  /**
   * What the command writes whatever the run: the first line, the headings, the table headers and
   * separators, the fixed sentences, and the keys of the table of what ran (not the title, the note,
   * the values, the verdicts).
   */
  private static List<String> layout(String page) {
    List<String> layout = new ArrayList<>();
    for (String line : page.lines().toList()) {
      if (line.startsWith("<!--") || line.startsWith("## ") || line.startsWith("| ---") || line.equals("| what ran | |")
          || line.startsWith("| claim |") || line.startsWith("Each claim is decided")) {
        layout.add(line);
      }
    }
    rows(page).forEach(row -> layout.add("row: " + row.get(0)));
    return layout;
  }

  private static List<Path> listing(Path run) throws IOException {
    try (Stream<Path> files = Files.walk(run)) {
      return files.sorted().toList();
    }
  }
}
