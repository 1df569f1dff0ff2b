package dev.reckon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks written by a third party against the api jar alone, of shapes the built-in models were
 * not written for (a graph per example; token sequences), run beside a built-in task: models that
 * cannot do them decline before any training, the others are scored, and the rows reach the
 * results, the leaderboards and the report. A task setting set in the suite changes the data.
 */
class ThirdPartyTasksTest {
  private static final Set<String> NEW_TASKS = Set.of("colouring", "third-party-sorting");

  @TempDir Path work;

  @Test
  void thirdPartyTasksAreRunScoredAndReported() throws IOException {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    PluginJars.example("graph-colouring", plugins.resolve("colouring.jar"));
    PluginJars.build("sorting", plugins.resolve("sorting.jar"));
    Path out = work.resolve("runs");
    Path suite = work.resolve("third-party.yaml");
    Files.writeString(suite, """
        name: third-party
        seeds: [3]
        tasks:
          - id: colouring
            train: n8
            eval: [n8, n12]
            evalSize: 40
          - id: colouring
            train: n12
            eval: [n12]
            evalSize: 40
            config: {colours: 4}
          - id: third-party-sorting
            train: n4
            eval: [n4, n8]
            evalSize: 40
          - id: sudoku-4x4
            train: b6
            eval: [b6]
            trainSize: 20
            evalSize: 30
        models:
          - id: oracle
          - id: uniform
          - id: propagation
          - id: rrn
            config: {hidden: 16, steps: 2, updates: 20, batchSize: 16}
            tasks: [colouring, third-party-sorting]
        """);

    Cli.Outcome run = Cli.reckon("run", "--plugins", plugins.toString(), "--suite", suite.toString(), "--out",
        out.toString());

    assertEquals(0, run.status(), run::toString);
    Path runDirectory = RunFiles.onlyRun(out);
    List<Map<String, String>> cells = RunFiles.csv(runDirectory.resolve("cells.csv"));
    assertEquals(15, cells.size(), "4 + 4 + 4 cells on the new tasks, 3 on sudoku-4x4: " + cells);

    // Declined from the declared format, before any data or training.
    List<List<String>> declined = List.of(List.of("propagation", "colouring"),
        List.of("propagation", "third-party-sorting"), List.of("rrn", "third-party-sorting"));
    for (List<String> pair : declined) {
      for (Map<String, String> cell : cells(cells, pair.get(0), pair.get(1))) {
        assertEquals("skipped", cell.get("status"), cell::toString);
        assertTrue(cell.get("reason").startsWith(pair.get(0) + " declined the task: "), cell::toString);
        assertEquals(0.0, Double.parseDouble(cell.get("train_seconds")), cell::toString);
      }
    }
    assertTrue(reason(cells, "propagation", "colouring").contains("assume every label once per group"), cells::toString);
    assertTrue(reason(cells, "propagation", "third-party-sorting").contains("this task's format is sequence"), cells::toString);
    assertTrue(reason(cells, "rrn", "third-party-sorting").contains("this task's format is sequence"), cells::toString);
    assertTrue(RunFiles.csv(runDirectory.resolve("training.csv")).stream().noneMatch(r -> r.get("model").equals("rrn")
        && r.get("task").equals("third-party-sorting")), "rrn never trained on the sequence task");

    // The others ran everywhere, the built-in task included; the rrn reads a third party's graphs
    // per example as it reads the built-in shortest-path-graphs.
    assertTrue(cells.stream().filter(c -> !declined.contains(List.of(c.get("model"), c.get("task"))))
        .allMatch(c -> c.get("status").equals("done")), cells::toString);

    List<Map<String, String>> results = RunFiles.csv(runDirectory.resolve("results.csv"));
    for (String level : List.of("n8", "n12")) {
      assertEquals(1.0, value(results, "oracle", "colouring", "n8", level, "valid_rate"), level);
    }
    assertEquals(1.0, value(results, "oracle", "colouring", "n12", "n12", "valid_rate"), "colours 4 too");
    for (String level : List.of("n4", "n8")) {
      assertEquals(1.0, value(results, "oracle", "third-party-sorting", "n4", level, "exact_accuracy"), level);
      assertEquals(1.0, value(results, "oracle", "third-party-sorting", "n4", level, "token_accuracy"), level);
    }
    assertEquals(1.0, RunFiles.value(results, "oracle", "sudoku-4x4", "b6", "puzzle_accuracy", 1));
    for (String metric : List.of("valid_rate", "node_accuracy")) {
      double uniform = value(results, "uniform", "colouring", "n8", "n8", metric);
      assertTrue(uniform >= 0 && uniform < 1, metric + " of uniform is " + uniform);
    }
    assertEquals(40, Integer.parseInt(row(results, "uniform", "colouring", "n8", "n8", "valid_rate").get("n")));
    assertEquals(40 * 6, Integer.parseInt(row(results, "uniform", "colouring", "n8", "n8", "node_accuracy").get("n")),
        "node accuracy counts the blanks: 6 of 8 nodes");
    assertTrue(value(results, "uniform", "third-party-sorting", "n4", "n8", "exact_accuracy") < 0.5);
    assertEquals(40 * 8, Integer.parseInt(row(results, "uniform", "third-party-sorting", "n4", "n8", "token_accuracy").get("n")));
    assertTrue(results.stream().noneMatch(r -> declined.contains(List.of(r.get("model"), r.get("task")))),
        "skipped cells have no rows");

    // The task setting reached the task: the colours-4 entry made other data than the default.
    JsonNode manifest = new ObjectMapper().readTree(runDirectory.resolve("manifest.json").toFile());
    Map<String, JsonNode> colouringConfigs = StreamSupport.stream(manifest.at("/cells").spliterator(), false)
        .filter(c -> c.get("task").asText().equals("colouring") && c.get("model").asText().equals("uniform"))
        .collect(Collectors.toMap(c -> c.get("trainLevel").asText(), c -> c.get("taskConfig")));
    assertEquals(3, colouringConfigs.get("n8").get("colours").asInt(), manifest::toString);
    assertEquals(0.5, colouringConfigs.get("n8").get("edgeProbability").asDouble(), manifest::toString);
    assertEquals(4, colouringConfigs.get("n12").get("colours").asInt(), manifest::toString);
    assertTrue(cells(cells, "uniform", "colouring").stream()
        .anyMatch(c -> c.get("train_level").equals("n12") && c.get("task_config").contains("\"colours\":4")), cells::toString);
    // Same level, same data seed, same model seed: only the number of colours differs.
    assertNotEquals(
        List.of(value(results, "uniform", "colouring", "n8", "n12", "valid_rate"),
            value(results, "uniform", "colouring", "n8", "n12", "node_accuracy")),
        List.of(value(results, "uniform", "colouring", "n12", "n12", "valid_rate"),
            value(results, "uniform", "colouring", "n12", "n12", "node_accuracy")),
        "colours: 4 changed the data");

    // Leaderboards and the report carry the new tasks.
    List<Map<String, String>> ttc = RunFiles.csv(runDirectory.resolve("leaderboards/ttc.csv"));
    List<Map<String, String>> generalization = RunFiles.csv(runDirectory.resolve("leaderboards/generalization.csv"));
    for (String task : NEW_TASKS) {
      String primary = task.equals("colouring") ? "valid_rate" : "exact_accuracy";
      for (String model : List.of("oracle", "uniform")) {
        assertTrue(ttc.stream().anyMatch(r -> r.get("task").equals(task) && r.get("model").equals(model)
            && r.get("metric").equals(primary)), () -> task + " " + model + " missing from ttc.csv: " + ttc);
        assertTrue(generalization.stream().anyMatch(r -> r.get("task").equals(task) && r.get("model").equals(model)
            && r.get("metric").equals(primary)), () -> task + " " + model + " missing from generalization.csv");
      }
    }
    String report = Files.readString(runDirectory.resolve("report/report.html"));
    assertTrue(report.contains("colouring") && report.contains("third-party-sorting"), "the report names both tasks");
  }

  private static List<Map<String, String>> cells(List<Map<String, String>> cells, String model, String task) {
    List<Map<String, String>> found = cells.stream()
        .filter(c -> c.get("model").equals(model) && c.get("task").equals(task)).toList();
    assertTrue(!found.isEmpty(), () -> "no cell of " + model + " on " + task + " in " + cells);
    return found;
  }

  private static String reason(List<Map<String, String>> cells, String model, String task) {
    return cells(cells, model, task).get(0).get("reason");
  }

  private static Map<String, String> row(List<Map<String, String>> results, String model, String task, String train,
      String eval, String metric) {
    return results.stream()
        .filter(r -> r.get("model").equals(model) && r.get("task").equals(task) && r.get("train_level").equals(train)
            && r.get("eval_level").equals(eval) && r.get("metric").equals(metric) && r.get("iterations").equals("1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " of " + model + " on " + task + " " + train + "/"
            + eval));
  }

  private static double value(List<Map<String, String>> results, String model, String task, String train, String eval,
      String metric) {
    return Double.parseDouble(row(results, model, task, train, eval, metric).get("value"));
  }
}
