package dev.reckon.reports.claims;

import dev.reckon.reports.format.Fixtures.RunBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** contrastive d = 4 to 64, the cross-encoder, uniform and oracle on the 27-card games, and d = 16 to 512 on 81. */
final class GameRun {
  /** Per game and model: KL, top-K overlap, entropy (the 10-20 versions are derived from them). */
  final Map<String, Map<String, double[]>> games = new LinkedHashMap<>();
  boolean set81 = true;

  GameRun() {
    games.put("set-27/set", models(new double[][] {{0.03, 0.98, 0.1}, {0.03, 0.98, 0.1}, {0.02, 0.98, 0.08},
        {0.02, 0.99, 0.07}, {0.02, 0.99, 0.07}, {0.02, 0.99, 0.07}, {1.6, 0.2, 3.3}}));
    games.put("set-27/union", models(new double[][] {{1.2, 0.45, 3.2}, {0.8, 0.64, 3.0}, {0.5, 0.77, 2.7},
        {0.08, 0.96, 2.2}, {0.07, 0.97, 2.15}, {0.07, 0.97, 2.15}, {1.6, 0.3, 3.296}}));
    games.put("set-27/shatter", models(new double[][] {{1.5, 0.32, 3.25}, {1.1, 0.5, 3.1}, {0.8, 0.64, 2.9},
        {0.15, 0.93, 2.3}, {0.12, 0.95, 2.25}, {0.13, 0.94, 2.25}, {1.9, 0.3, 3.296}}));
    Map<String, double[]> union81 = new LinkedHashMap<>();
    union81.put("contrastive-d16", new double[] {1.0, 0.6, 3.9});
    union81.put("contrastive-d20", new double[] {0.8, 0.7, 3.7});
    union81.put("contrastive-d27", new double[] {0.5, 0.8, 3.4});
    union81.put("contrastive-d512", new double[] {0.1, 0.95, 3.0});
    union81.put("cross-encoder", new double[] {0.1, 0.95, 3.0});
    union81.put("uniform", new double[] {2.0, 0.3, 4.394});
    games.put("set-81/union", union81);
  }

  private static Map<String, double[]> models(double[][] rows) {
    Map<String, double[]> byModel = new LinkedHashMap<>();
    List<String> ids = List.of("contrastive-d4", "contrastive-d8", "contrastive-d16", "contrastive-d27",
        "contrastive-d64", "cross-encoder", "uniform");
    for (int i = 0; i < ids.size(); i++) {
      byModel.put(ids.get(i), rows[i]);
    }
    return byModel;
  }

  /** Sets one number: {@code which} 0 for KL, 1 for top-K overlap, 2 for entropy. */
  GameRun with(String game, String model, int which, double value) {
    games.get(game).get(model)[which] = value;
    return this;
  }

  /** Every model of a game as the default run's 27-card union game has them: all at chance. */
  GameRun atChance(String game) {
    double[] kl = {0.790, 0.791, 0.785, 0.783, 0.786, 0.785};
    double[] entropy = {3.284, 3.284, 3.288, 3.290, 3.288, 3.289};
    int i = 0;
    for (Map.Entry<String, double[]> model : games.get(game).entrySet()) {
      model.setValue(model.getKey().equals("uniform") ? new double[] {0.778, 0.3, 3.296}
          : new double[] {kl[i], 0.3, entropy[i++]});
    }
    return this;
  }

  RunBuilder builder() {
    RunBuilder run = new RunBuilder("set-claims");
    games.forEach((game, models) -> {
      String task = game.substring(0, game.indexOf('/'));
      String level = game.substring(game.indexOf('/') + 1);
      if (task.equals("set-81") && !set81) {
        return;
      }
      models.forEach((model, v) -> {
        double noise = model.equals("uniform") ? 0.025 : 0.02;
        run.game(model, task, level, v[0], v[1]).value(model, task, level, "entropy", v[2], 0.001)
            .value(model, task, level, "kl_divergence_10_20", v[0] * 0.9, noise)
            .value(model, task, level, "entropy_10_20", v[2] + 0.01, 0.001);
      });
      run.game("oracle", task, level, 0.0, 1.0);
    });
    return run;
  }
}
