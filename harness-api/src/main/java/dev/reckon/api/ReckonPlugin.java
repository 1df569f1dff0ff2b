package dev.reckon.api;

import java.util.List;

/**
 * The one service a plugin jar provides. Name the implementing class in {@code
 * META-INF/services/dev.reckon.api.ReckonPlugin}; it needs a public no-argument constructor.
 */
public interface ReckonPlugin {
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
