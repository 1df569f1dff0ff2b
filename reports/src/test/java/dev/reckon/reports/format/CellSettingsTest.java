package dev.reckon.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cells.csv's settings read the same in both forms: JSON since format 4, Java's map syntax before,
 * a line each in one file as a resumed run of format 3 leaves them.
 */
class CellSettingsTest {
  private static final String HEADER = "model,task,train_level,seed,status,reason,trained_iterations,parameters,"
      + "train_seconds,eval_seconds,finished_at,train_data_seed,model_seed,config,collapse_update,collapse,task_seed,"
      + "task_config\n";

  @TempDir Path work;

  @Test
  void theOldMapSyntaxAndJsonReadAlike() throws IOException {
    Path run = cells(
        "rrn,sudoku-4x4,b6,1,done,,8,10,1.0,0.1,2026-01-01T00:00:00Z,11,12,\"{hidden=32, learningRate=0.003, "
            + "sizes=[1, 2]}\",,,0,{}",
        "rrn,sudoku-4x4,b6,2,done,,8,10,1.0,0.1,2026-01-01T00:00:00Z,11,12,\"{\"\"hidden\"\":32,"
            + "\"\"learningRate\"\":0.003,\"\"sizes\"\":[1,2]}\",,,0,{}",
        "propagation,sudoku-4x4,b6,1,done,,8,10,1.0,0.1,2026-01-01T00:00:00Z,11,12,{maxRounds=8},,,0,"
            + "\"{\"\"pairs\"\":4}\"");
    List<RunResults.Cell> cells = RunResults.read(run).cells();
    assertEquals(Map.of("hidden", "32", "learningRate", "0.003", "sizes", "[1, 2]"), cells.get(0).config());
    assertEquals(Map.of("hidden", "32", "learningRate", "0.003", "sizes", "[1,2]"), cells.get(1).config());
    assertEquals(List.of("hidden", "learningRate", "sizes"), List.copyOf(cells.get(1).config().keySet()),
        "in the order written");
    assertEquals(Map.of("maxRounds", "8"), cells.get(2).config());
    assertEquals(Map.of(), cells.get(0).taskConfig());
    assertEquals(Map.of("pairs", "4"), cells.get(2).taskConfig());
  }

  @Test
  void aValueOfNeitherFormIsNamedByLineAndColumn() throws IOException {
    Path run = cells("rrn,sudoku-4x4,b6,1,done,,8,10,1.0,0.1,2026-01-01T00:00:00Z,11,12,hidden=32,,,0,{}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunResults.read(run));
    assertEquals(run.resolve("cells.csv") + " line 2 column 'config' (14): is neither a JSON object of settings "
        + "nor {name=value, ...}", e.getMessage());
  }

  private Path cells(String... rows) throws IOException {
    Path run = Fixtures.copy(Fixtures.SUDOKU, work);
    Files.writeString(run.resolve("cells.csv"), HEADER + String.join("\n", rows) + "\n");
    return run;
  }
}
