package dev.reckon.runner.plugins;

import dev.reckon.api.Analysis;
import java.nio.file.Path;

/** A loaded analysis and its description; calls into it run in its plugin's class loader. */
public record DiscoveredAnalysis(Analysis analysis, DescribedAnalysis described) implements Discovered {
  @Override
  public Path plugin() {
    return described.plugin();
  }
}
