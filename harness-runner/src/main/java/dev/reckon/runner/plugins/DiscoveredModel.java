package dev.reckon.runner.plugins;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;

/** A model variant and the plugin it came from. */
public record DiscoveredModel(ModelFactory factory, Plugin plugin) implements Discovered {
  /** A new model whose every call, like the factory's, runs in the plugin's class loader. */
  public Model create(ModelContext context) {
    return ContextClassLoaders.wrap(Model.class, factory.create(context), plugin.loader());
  }

  public String id() {
    return factory.id();
  }
}
