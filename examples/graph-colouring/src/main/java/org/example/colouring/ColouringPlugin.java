package org.example.colouring;

import dev.reckon.api.ApiVersion;
import dev.reckon.api.ReckonPlugin;
import dev.reckon.api.Setting;
import dev.reckon.api.Task;
import dev.reckon.api.TaskContext;
import dev.reckon.api.TaskFactory;
import java.util.List;

/**
 * A task written against the api alone, as a plugin project of its own: proper colouring of random
 * graphs, each example its own graph ({@code LabelingFormat} with {@code PER_EXAMPLE} graphs).
 */
public final class ColouringPlugin implements ReckonPlugin {
  static final String COLOURS = "colours";
  static final String EDGE_PROBABILITY = "edgeProbability";

  @Override
  public int apiVersion() {
    return ApiVersion.CURRENT;
  }

  @Override
  public List<TaskFactory> tasks() {
    return List.of(new TaskFactory() {
      @Override
      public String id() {
        return "colouring";
      }

      @Override
      public String version() {
        return "1";
      }

      @Override
      public String description() {
        return "proper k-colouring of random graphs with a planted colouring; levels by node count";
      }

      @Override
      public List<Setting> settings() {
        return List.of(
            Setting.integer(COLOURS, 3, "k, the number of colours (labels), at least 2"),
            Setting.number(EDGE_PROBABILITY, 0.5, "the chance of an edge between two nodes of different planted colours"));
      }

      @Override
      public Task create(TaskContext context) {
        return new ColouringTask(context.config().getInt(COLOURS), context.config().getDouble(EDGE_PROBABILITY));
      }
    });
  }
}
