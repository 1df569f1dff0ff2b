package dev.reckon.api;

import java.util.List;

/**
 * The one service a plugin jar provides. Name the implementing class in {@code
 * META-INF/services/dev.reckon.api.ReckonPlugin}; it needs a public no-argument constructor.
 */
public interface ReckonPlugin {
  /**
   * Where a plugin jar may hold claims of its own, in the format of the project's seeds/claims.yaml
   * (seeds/README.md): each run copies the file into its directory and the report decides every
   * claim whose tasks and models the run has, naming the jar it came from.
   */
  String CLAIMS_FILE = "META-INF/reckon/claims.yaml";

  /** Always {@code return ApiVersion.CURRENT;} so the runner can refuse a mismatched build. */
  int apiVersion();

  /** The tasks this plugin offers; ids are unique across all loaded plugins. */
  default List<TaskFactory> tasks() {
    return List.of();
  }

  /** The models this plugin offers, one factory per variant; ids are unique. */
  default List<ModelFactory> models() {
    return List.of();
  }

  /** The analyses this plugin offers for {@code reckon analyze}; ids are unique. */
  default List<Analysis> analyses() {
    return List.of();
  }
}
