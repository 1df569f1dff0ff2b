package dev.reckon.tasks.setgame;

import dev.reckon.api.Analysis;
import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.TaskFactory;
import java.util.List;

/** The SET games: tasks {@code set-27} and {@code set-81}, and the {@code set-game} analysis. */
public final class SetGamePlugin implements ReckonPlugin {
  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new SetGameTaskFactory("set-27", new SetDeck(3, 3)),
        new SetGameTaskFactory("set-81", new SetDeck(4, 3)));
  }

  @Override
  public List<Analysis> analyses() {
    return List.of(new SetGameAnalysis());
  }
}
