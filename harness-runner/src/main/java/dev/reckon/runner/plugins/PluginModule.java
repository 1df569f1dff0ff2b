package dev.reckon.runner.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.nio.file.Path;
import java.util.Optional;

/** Plugin discovery: the loader and where the distribution keeps its plugins. */
public final class PluginModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(PluginLoader.class).asEagerSingleton();
  }

  /** The launcher sets {@code reckon.home}; tests and IDE runs have none and pass --plugins. */
  @Provides
  PluginDirectories directories() {
    return new PluginDirectories(Optional.ofNullable(System.getProperty("reckon.home"))
        .map(home -> Path.of(home, "plugins")));
  }
}
