package dev.reckon.reports.boards;

import dev.reckon.reports.format.RunFormat;
import dev.reckon.reports.format.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The standard leaderboards of a run, computed from its run directory alone: the three of the
 * research questions, and training speed, memory and collapses beside them.
 */
public final class Leaderboards {
  private Leaderboards() {}

  public static List<Board> of(RunResults run) {
    return List.of(TestTimeComputeBoard.build(run), GeneralizationBoard.build(run), CompositionalBoard.build(run),
        ConvergenceBoard.build(run), ComputeBoard.build(run), EfficiencyBoard.build(run), CollapseBoard.build(run));
  }

  /** A board's heading in reports, with the CSV file it is written to. */
  public static String title(Board board) {
    String title = switch (board.name()) {
      case "ttc" -> "Test-time compute scaling";
      case "generalization" -> "Generalisation to harder levels";
      case "compositional" -> "Compositional key-subset extraction";
      case "convergence" -> "What each objective converges to: KL from p(y|x) and from the PMI ratio";
      case "compute" -> "Equal training compute: the primary metric at each compute budget";
      case "efficiency" -> "Training speed and memory";
      case "collapses" -> "Training collapses";
      default -> board.name();
    };
    return title + " (" + board.name() + ".csv)";
  }

  /**
   * Writes leaderboards/ttc.csv, generalization.csv, compositional.csv, convergence.csv,
   * compute.csv, efficiency.csv and collapses.csv in the run directory.
   */
  public static void write(Path runDirectory) {
    Path directory = runDirectory.resolve(RunFormat.LEADERBOARDS);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    of(RunResults.read(runDirectory)).forEach(board -> board.writeCsv(directory));
  }
}
