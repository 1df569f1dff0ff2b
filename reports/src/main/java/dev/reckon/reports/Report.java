package dev.reckon.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * What report.html and report.md show of one or more runs: per run its leaderboards, its claim
 * verdicts and its charts; with several runs, the comparison of each with the first (the baseline).
 */
record Report(List<RunResults> runs, List<List<Board>> boards, List<List<ClaimVerdict>> verdicts,
    List<List<ChartSection>> charts, Optional<RunComparison> comparison) {
  Report {
    runs = List.copyOf(runs);
    boards = List.copyOf(boards);
    verdicts = List.copyOf(verdicts);
    charts = List.copyOf(charts);
  }

  static Report of(List<RunResults> given, Claims claims) {
    if (given.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
    List<RunResults> runs = distinctIds(given);
    return new Report(runs, runs.stream().map(Leaderboards::of).toList(), runs.stream().map(claims::judge).toList(),
        runs.stream().map(run -> new ReportCharts(new MeasurementIndex(run)).sections()).toList(),
        runs.size() > 1 ? Optional.of(RunComparison.of(runs)) : Optional.empty());
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
          run.cells(), run.training(), run.tasks(), run.iterationMeanings()));
    }
    return distinct;
  }

  String title() {
    return runs.size() == 1 ? "Reckon report: " + runs.get(0).id()
        : "Reckon report: " + runs.size() + " runs against " + runs.get(0).id();
  }
}
