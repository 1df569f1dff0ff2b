package dev.reckon.runner;

import dev.reckon.runner.plugins.DiscoveredAnalysis;
import dev.reckon.runner.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code reckon analyze ID --name value ...}: a task analysis that needs no model. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Run a task's analysis, e.g. "
    + "'analyze set-game --attributes 3 --values 3 --game set'; 'reckon list' shows the analyses.")
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin PluginOptions plugins;

  @Parameters(index = "0", paramLabel = "ID", description = "The analysis to run.")
  String id;

  @Unmatched
  List<String> options = new ArrayList<>();

  private final Console console;

  @Inject
  AnalyzeCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    PluginRegistry registry = plugins.load();
    DiscoveredAnalysis analysis = registry.analysis(id).orElseThrow(() -> new UsageException("unknown analysis id '"
        + id + "'; the discovered analyses are " + registry.analyses().stream().map(a -> a.described().id())
        .collect(Collectors.joining(", "))));
    Map<String, String> named = named(options);
    try {
      console.out().println(analysis.analysis().run(named));
    } catch (IllegalArgumentException e) {
      throw new UsageException("analyze " + id + ": " + e.getMessage(), e);
    }
    return 0;
  }

  /** {@code --name value} and {@code --name=value} pairs, without the dashes. */
  private Map<String, String> named(List<String> words) {
    Map<String, String> named = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("--") || word.length() == 2) {
        throw new UsageException("analyze " + id + ": expected an option like --name value, found '" + word + "'");
      }
      int equals = word.indexOf('=');
      if (equals > 0) {
        named.put(word.substring(2, equals), word.substring(equals + 1));
      } else if (i + 1 < words.size()) {
        named.put(word.substring(2), words.get(++i));
      } else {
        throw new UsageException("analyze " + id + ": option " + word + " has no value");
      }
    }
    return named;
  }
}
