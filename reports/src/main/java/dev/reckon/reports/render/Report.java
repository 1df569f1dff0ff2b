package dev.reckon.reports.render;

import dev.reckon.reports.boards.Board;
import dev.reckon.reports.boards.Leaderboards;
import dev.reckon.reports.charts.ChartSection;
import dev.reckon.reports.charts.ReportCharts;
import dev.reckon.reports.check.RunComparison;
import dev.reckon.reports.claims.Claim;
import dev.reckon.reports.claims.ClaimStatus;
import dev.reckon.reports.claims.ClaimVerdict;
import dev.reckon.reports.claims.Claims;
import dev.reckon.reports.claims.ClaimsFile;
import dev.reckon.reports.claims.SeedReadings;
import dev.reckon.reports.format.RunResults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What report.html and report.md show of one or more runs: per run its leaderboards and its
 * charts; the claims and sanity checks some run speaks of, each decided on every run, and those no
 * run speaks of (by id); with several runs, the comparison of each with the first (the baseline).
 */
record Report(List<RunResults> runs, List<List<Board>> boards, List<ClaimRow> claims, List<String> unlisted,
    List<List<ChartSection>> charts, Optional<RunComparison> comparison) {
  /** Said in place of an empty table of claims or sanity checks. */
  static final String NONE_LISTED = "None speaks of the tasks and models of these runs.";
  /**
   * Put before the ids of the claims and checks a report leaves out that the runs' plugins could
   * have measured; those of tasks or models no run loaded go unnamed.
   */
  static final String UNLISTED = "Not listed, as no run has the tasks and models they speak of: ";

  Report {
    runs = List.copyOf(runs);
    boards = List.copyOf(boards);
    claims = List.copyOf(claims);
    unlisted = List.copyOf(unlisted);
    charts = List.copyOf(charts);
  }

  /**
   * A claim the report lists: the file it came from ({@link ClaimsFile#source()}) and its verdict
   * on each run, in the order of the runs.
   */
  record ClaimRow(Claim claim, String source, List<ClaimVerdict> verdicts) {}

  /** The report of {@code given}, with the project's claims and those of the runs' plugins. */
  static Report of(List<RunResults> given) {
    return of(given, ClaimsFile.of(given));
  }

  static Report of(List<RunResults> given, List<ClaimsFile> claimsFiles) {
    if (given.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
    List<RunResults> runs = distinctIds(given);
    List<SeedReadings> readings = runs.stream().map(SeedReadings::of).toList();
    List<ClaimRow> rows = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    for (ClaimsFile file : claimsFiles) {
      for (Claim claim : Stream.concat(file.claims().claims().stream(), file.claims().sanityChecks().stream()).toList()) {
        if (runs.stream().anyMatch(claim::speaksOf)) {
          rows.add(new ClaimRow(claim, file.source(),
              readings.stream().map(reading -> ClaimVerdict.of(claim, reading)).toList()));
        } else if (runs.stream().anyMatch(claim::measurableWith)) {
          unlisted.add(claim.id());
        }
      }
    }
    return new Report(runs, runs.stream().map(Leaderboards::of).toList(), rows, unlisted,
        readings.stream().map(reading -> new ReportCharts(reading).sections()).toList(),
        runs.size() > 1 ? Optional.of(RunComparison.of(runs)) : Optional.empty());
  }

  /**
   * What ran, for the head of a report: the manifest's suite, device, engine, times and harness, with
   * the training seeds after the suite (e.g. {@code seeds 3 (1, 2, 3)}).
   */
  static Map<String, String> about(RunResults run) {
    List<Long> seeds = run.seeds();
    if (seeds.isEmpty()) {
      return run.about();
    }
    String seedText = seeds.size() + " (" + seeds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    Map<String, String> about = new LinkedHashMap<>();
    run.about().forEach((key, value) -> {
      about.put(key, value);
      if (key.equals("suite")) {
        about.put("seeds", seedText);
      }
    });
    about.putIfAbsent("seeds", seedText); // a stored baseline names no suite
    return about;
  }

  /**
   * One line of why a verdict is what it is: the first line of the evidence of the decision pooled
   * over the seeds (a failed comparison first), past a split's line a seed, as its label counts the
   * seeds already; nothing when the label says why nothing was measured.
   */
  static String reason(ClaimVerdict verdict) {
    int first = verdict.status() == ClaimStatus.SPLIT ? verdict.agreement().seeds() : 0;
    return verdict.reason().isEmpty() && verdict.evidence().size() > first ? verdict.evidence().get(first) : "";
  }

  /** The rows of the sanity checks, or of the claims (of the notes and of plugin jars), in the order listed. */
  List<ClaimRow> claims(boolean sanity) {
    return claims.stream().filter(row -> row.claim().sanity() == sanity).toList();
  }

  /**
   * A part of the verdicts, with its own heading: the sanity checks (the project's and the plugin
   * jars'), the claims of the research notes, or the claims of one plugin jar.
   *
   * @param anchor the id of its heading in report.html
   */
  record Section(String anchor, String title, boolean sanity, List<ClaimRow> rows) {}

  /**
   * The sanity checks, the claims of the research notes (listed even when empty, as a run of
   * other tasks should say so), then the claims of each plugin jar a run speaks of, named by the jar.
   */
  List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("sanity", "Sanity checks", true, claims(true)));
    sections.add(new Section("claims", "Claims of the research notes", false, claimsFrom(Claims.BUNDLED)));
    List<String> jars = claims(false).stream().map(ClaimRow::source).filter(source -> !source.equals(Claims.BUNDLED))
        .distinct().toList();
    for (int jar = 0; jar < jars.size(); jar++) {
      sections.add(new Section("claims-" + (jar + 1), "Claims of " + jars.get(jar), false, claimsFrom(jars.get(jar))));
    }
    return sections;
  }

  private List<ClaimRow> claimsFrom(String source) {
    return claims(false).stream().filter(row -> row.source().equals(source)).toList();
  }

  /**
   * The ids of the sanity checks that failed on the run at {@code run} (its place in {@link #runs}),
   * pooled or on one of its seeds: a seed whose oracle misses a puzzle is as suspect as a run.
   */
  List<String> failedSanityChecks(int run) {
    return claims(true).stream().filter(row -> row.verdicts().get(run).status().contradicted())
        .map(row -> row.claim().id()).toList();
  }

  /**
   * The runs, each with an id no earlier run has (a copy of a run compared with itself, or two
   * baselines named alike, get "-2", "-3"), because ids head columns and name directories.
   */
  private static List<RunResults> distinctIds(List<RunResults> runs) {
    Set<String> seen = new HashSet<>();
    List<RunResults> distinct = new ArrayList<>();
    for (RunResults run : runs) {
      String id = run.id();
      for (int n = 2; !seen.add(id); n++) {
        id = run.id() + "-" + n;
      }
      distinct.add(id.equals(run.id()) ? run : new RunResults(run.directory(), id, run.about(), run.results(),
          run.cells(), run.training(), run.compute(), run.outcomes(), run.tasks(), run.iterationMeanings(),
          run.offered()));
    }
    return distinct;
  }

  String title() {
    return runs.size() == 1 ? "Reckon report: " + runs.get(0).id()
        : "Reckon report: " + runs.size() + " runs against " + runs.get(0).id();
  }
}
