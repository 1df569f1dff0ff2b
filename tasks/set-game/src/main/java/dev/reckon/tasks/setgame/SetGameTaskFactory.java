package dev.reckon.tasks.setgame;

import static java.util.Objects.requireNonNull;

import dev.reckon.api.Setting;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;
import java.util.Locale;

/**
 * The SET games on one deck, with setting {@code pairs}. The task seed is unused: every query
 * comes from the data seed alone.
 */
final class SetGameTaskFactory implements TaskFactory {
  static final String PAIRS = "pairs";

  private final String id;
  private final SetDeck deck;

  SetGameTaskFactory(String id, SetDeck deck) {
    this.id = requireNonNull(id, "id is null");
    this.deck = requireNonNull(deck, "deck is null");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT,
        "SET games on the %s: a query names a subset of the cards, and a model scores every card", deck);
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        Setting.integer(PAIRS, SetGameTask.DEFAULT_PAIRS, "wildcard pairs joined in a union or symdiff query"));
  }

  @Override
  public SetGameTask create(TaskContext context) {
    int pairs = context.config().getInt(PAIRS);
    if (pairs < 1) {
      throw new IllegalArgumentException("setting '" + PAIRS + "' must be at least 1, got " + pairs);
    }
    return new SetGameTask(deck, pairs);
  }
}
