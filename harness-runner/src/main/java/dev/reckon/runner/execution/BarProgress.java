package dev.reckon.runner.execution;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over cells on a terminal, with the cell last heard of and its training steps. */
public final class BarProgress implements RunProgress {
  private final ProgressBar bar;
  private final PrintStream out;
  private final RemainingTime remaining;

  public BarProgress(int cells, RemainingTime remaining, PrintStream out) {
    this.out = out;
    this.remaining = remaining;
    // The bar's own eta counts cells; the cost model's weighs them
    this.bar = new ProgressBarBuilder().setTaskName("cells").setInitialMax(cells).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(500)
        .setEtaFunction(state -> remaining.left(state.getElapsedAfterStart())).build();
  }

  @Override
  public synchronized void cellStarted(CellKey key) {
    bar.setExtraMessage(key.model() + " x " + key.task());
  }

  @Override
  public synchronized void cellReused(CellKey key) {
    remaining.reused(key);
    bar.step();
  }

  @Override
  public synchronized void training(CellGroup group, int done, int total) {
    remaining.training(group, done, total);
    bar.setExtraMessage(String.format(Locale.ROOT, "%s: training %d/%d", group, done, total));
  }

  @Override
  public synchronized void cellFinished(CellOutcome outcome) {
    remaining.finished(outcome.key(), outcome.trainSeconds() + outcome.evalSeconds());
    if (outcome.status() == CellOutcome.Status.FAILED) {
      out.println("\nfailed: " + outcome.key() + ": " + outcome.reason());
    } else if (outcome.collapse().isPresent()) {
      out.println("\n" + outcome.key() + ": " + outcome.collapse().get());
    }
    bar.step();
  }

  @Override
  public void close() {
    bar.close();
  }
}
