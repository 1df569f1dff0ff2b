package dev.reckon.runner.plugins;

import dev.reckon.api.Model;
import dev.reckon.api.ModelContext;
import dev.reckon.api.ModelFactory;
import java.nio.file.Path;

/** A loaded model variant, its description, and its plugin's class loader. */
public record DiscoveredModel(ModelFactory factory, DescribedModel described, ClassLoader loader)
    implements Discovered {
  /** A new model whose every call, like the factory's, runs in the plugin's class loader. */
  public Model create(ModelContext context) {
    return ContextClassLoaders.wrap(Model.class, factory.create(context), loader);
  }

  public String id() {
    return described.id();
  }

  @Override
  public Path plugin() {
    return described.plugin();
  }
}
